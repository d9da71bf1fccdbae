package org.vaml4j.env.locomotion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulator tasks by the reference harness's snake_case names ({@code anchors/mujoco}), for
 * tools that need the raw {@link MujocoEnv} (trajectory replay, benchmarks). The env registry
 * registers the same tasks under their Gym ids.
 */
public final class LocomotionTasks {

    /** name -> (Gym id, time limit, factory) */
    public record Task(String name, String gymId, int timeLimit, Supplier<MujocoEnv> factory) {}

    private static final Map<String, Task> TASKS = new LinkedHashMap<>();

    static {
        add(new Task("swimmer", "Swimmer-v4", 1000, Swimmer::new));
        add(new Task("inverted_pendulum", "InvertedPendulum-v4", 1000, InvertedPendulum::new));
        add(new Task("reacher", "Reacher-v4", 50, Reacher::new));
        add(new Task("inverted_double_pendulum", "InvertedDoublePendulum-v4", 1000, InvertedDoublePendulum::new));
        add(new Task("hopper", "Hopper-v4", 1000, Hopper::new));
        add(new Task("walker2d", "Walker2d-v4", 1000, Walker2d::new));
        add(new Task("half_cheetah", "HalfCheetah-v4", 1000, HalfCheetah::new));
        add(new Task("ant", "Ant-v4", 1000, Ant::new));
        add(new Task("pusher", "Pusher-v4", 100, Pusher::new));
        add(new Task("humanoid", "Humanoid-v4", 1000, Humanoid::new));
        add(new Task("ant_truncated_obs", "AntTruncatedObs", 1000, AntTruncatedObs::new));
        add(new Task("humanoid_truncated_obs", "HumanoidTruncatedObs", 1000, HumanoidTruncatedObs::new));
    }

    private static void add(Task t) {
        TASKS.put(t.name(), t);
    }

    private LocomotionTasks() {}

    /** Every task, in the harness's order. */
    public static Iterable<Task> all() {
        return TASKS.values();
    }

    /** The task called {@code name}; unknown names throw, listing the valid ones. */
    public static Task task(String name) {
        Task t = TASKS.get(name);
        if (t == null) throw new IllegalArgumentException("unknown simulator task '" + name + "'; tasks: " + String.join(", ", TASKS.keySet()));
        return t;
    }

    /** A new env of the task called {@code name}. */
    public static MujocoEnv make(String name) {
        return task(name).factory().get();
    }
}
