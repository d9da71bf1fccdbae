package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agreement of {@link Step#step} with MuJoCo 2.2.2 trajectories (reference harness, LCG actions,
 * no reset noise): RK4, fluid forces, damping, armature, motors and joint limits (active in
 * swimmer, reacher and the pendulums). qpos and qvel of every row up to the given step.
 */
class StepTest {

    @ParameterizedTest(name = "{0} up to step {1}")
    @CsvSource({
        "swimmer, 200, 1e-9",
        "swimmer_passive, 200, 1e-9",
        "reacher, 200, 1e-9",
        "reacher_passive, 200, 1e-9",
        "inverted_pendulum, 200, 1e-9",
        "inverted_pendulum_passive, 200, 1e-9",
        // chaotic: MuJoCo itself amplifies a 1e-12 perturbation past 1e-6 near step 116 (random)
        // and step 34 (passive, starting on the unstable equilibrium); see anchors/mujoco/README.md
        "inverted_double_pendulum, 100, 1e-6",
        "inverted_double_pendulum_passive, 30, 1e-6",
    })
    void matchesMujocoTrajectory(String file, int upTo, double tol) throws Exception {
        String task = file.replace("_passive", "");
        Model m = MjcfLoader.loadResource(task);
        double[] err = new TrajectoryReplay(file).replay(m, (int) m.numeric().get("frame_skip")[0]);
        double max = TrajectoryReplay.maxUpTo(err, upTo);
        assertTrue(max <= tol, file + ": max |qpos, qvel error| up to step " + upTo + " = " + max);
    }

    /**
     * Hinges (trig in kinematics), RK4 and implicit-damping Euler (half_cheetah), fluid forces, limits,
     * contacts and a free joint (ant).
     * Every task is measured before asserting, so a failure names all tasks that allocate.
     */
    @Test
    void stepDoesNotAllocate() {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder allocating = new StringBuilder();
        for (String task : new String[] {"swimmer", "reacher", "inverted_pendulum", "hopper", "half_cheetah", "ant"}) {
            Model m = MjcfLoader.loadResource(task);
            Data d = new Data(m);
            d.ctrl[0] = 1; // drives the pendulum's slider into its limit: constraint rows are exercised
            for (int i = 0; i < 2000; i++) Step.step(m, d); // warm up (JIT)
            long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 1000; i++) Step.step(m, d);
            long bytes = bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            if (bytes >= 1000) allocating.append(task).append(": 1000 steps allocated ").append(bytes).append(" bytes; ");
        }
        assertTrue(allocating.length() == 0, allocating.toString());
    }
}
