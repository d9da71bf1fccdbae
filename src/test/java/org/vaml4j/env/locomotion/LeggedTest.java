package org.vaml4j.env.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaml4j.env.Transition;
import org.vaml4j.sim.Data;

/**
 * The legged tasks (Hopper, Walker2d, HalfCheetah, Ant, Pusher, Humanoid and the truncated-obs
 * variants): reward and termination against the MuJoCo harness's rows, TaskFunctions against the
 * env's own flags, and a short random-action soak.
 */
class LeggedTest {

    private static List<double[]> reference(String file) throws Exception {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LeggedTest.class.getResourceAsStream("/org/vaml4j/sim/trajectories/" + file + ".csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] p = line.split(",");
                double[] x = new double[p.length];
                for (int i = 0; i < p.length; i++) x[i] = Double.parseDouble(p[i]);
                rows.add(x);
            }
        }
        return rows;
    }

    /** Rows up to which the trajectory is reproducible (anchors/mujoco/README.md sensitivity table). */
    @ParameterizedTest(name = "{0} up to step {1}")
    @CsvSource({"hopper, 200", "hopper_passive, 11", "walker2d, 200", "walker2d_passive, 200", "half_cheetah, 60",
        "half_cheetah_passive, 200", "ant, 60", "ant_passive, 200", "pusher, 200", "humanoid, 9", "humanoid_passive, 9"})
    void rewardAndTerminationMatchMujocoHarness(String file, int upTo) throws Exception {
        MujocoEnv env = LocomotionTasks.make(file.replace("_passive", ""));
        List<double[]> ref = reference(file);
        env.resetDefault();
        int nu = env.model().nu();
        for (int k = 1; k <= upTo; k++) {
            double[] row = ref.get(k);
            Transition t = env.simulate(Arrays.copyOfRange(row, 2, 2 + nu));
            assertEquals(row[row.length - 3], t.reward(), 1e-6 * Math.max(1, Math.abs(row[row.length - 3])),
                    file + " reward at step " + k);
            assertEquals(row[row.length - 2] != 0, t.terminated(), file + " terminated at step " + k);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hopper", "walker2d", "half_cheetah", "ant", "pusher", "humanoid", "ant_truncated_obs",
        "humanoid_truncated_obs"})
    void shortSoakStaysFiniteShallowAndAgreesWithTaskFunctions(String task) {
        MujocoEnv env = LocomotionTasks.make(task);
        int limit = LocomotionTasks.task(task).timeLimit();
        Lcg rng = new Lcg(7);
        double[] a = new double[env.model().nu()];
        double[] obs = env.reset(3);
        assertEquals(env.functions().obsDim(), obs.length);
        assertEquals(env.functions().actDim(), a.length);
        Data d = env.data();
        double deepest = 0;
        int t = 0;
        for (int i = 0; i < 1500; i++) {
            for (int j = 0; j < a.length; j++) a[j] = rng.nextDouble(env.model().ctrlLow(j), env.model().ctrlHigh(j));
            Transition tr = env.step(a);
            for (double v : tr.obs()) assertTrue(Double.isFinite(v), task + ": non-finite observation at step " + i);
            assertTrue(Double.isFinite(tr.reward()), task + ": non-finite reward");
            for (int c = 0; c < d.contact.ncon; c++) deepest = Math.max(deepest, -d.contact.dist[c]);
            boolean fn = env.functions().terminated(tr.obs());
            // Hopper's function sees clipped velocities: it may miss a raw |qvel| >= 100, never the reverse
            if (task.equals("hopper")) assertTrue(!fn || tr.terminated(), task + ": function terminal, env not");
            else assertEquals(tr.terminated(), fn, task + ": termination function vs env at step " + i);
            if (env.functions().rewardFromObservations()) {
                assertEquals(tr.reward(), env.functions().reward(obs, a, tr.obs()), 1e-9);
            }
            obs = tr.obs();
            if (tr.terminated() || ++t >= limit) {
                obs = env.reset();
                t = 0;
            }
        }
        // MuJoCo's soft contacts (solref 0.02) let hard random impacts sink in by centimetres at worst
        assertTrue(deepest < 0.1, task + ": deepest penetration " + deepest + " m");
    }
}
