package org.vaml4j.env.locomotion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.env.Transition;

/** Gym v4 observation, reward, termination and reset semantics of the simulator tasks. */
class LocomotionEnvTest {

    /** Reads a reference trajectory (anchors/mujoco, copied to the sim test resources). */
    private static List<double[]> reference(String file) throws Exception {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LocomotionEnvTest.class.getResourceAsStream("/org/vaml4j/sim/trajectories/" + file + ".csv"),
                StandardCharsets.UTF_8))) {
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

    @ParameterizedTest
    @ValueSource(strings = {"swimmer", "reacher", "inverted_pendulum", "inverted_double_pendulum"})
    void rewardAndTerminationMatchMujocoHarness(String task) throws Exception {
        for (String file : new String[] {task, task + "_passive"}) {
            MujocoEnv env = LocomotionTasks.make(task);
            List<double[]> ref = reference(file);
            env.resetDefault();
            int nu = env.model().nu();
            // the pendulum's chaotic trajectory is compared where MuJoCo itself is reproducible
            boolean chaotic = task.equals("inverted_double_pendulum");
            int upTo = chaotic ? (file.endsWith("passive") ? 30 : 100) : 200;
            double tol = chaotic ? 1e-6 : 1e-9;
            for (int k = 1; k <= upTo; k++) {
                double[] row = ref.get(k);
                Transition t = env.simulate(java.util.Arrays.copyOfRange(row, 2, 2 + nu));
                assertEquals(row[row.length - 3], t.reward(), tol, file + " reward at step " + k);
                assertEquals(row[row.length - 2] != 0, t.terminated(), file + " terminated at step " + k);
            }
        }
    }

    @Test
    void reacherObservationAndRewardByHand() {
        MujocoEnv env = new Reacher();
        double[] obs = env.resetDefault();
        // arm along +x: fingertip at (0.1 + 0.11, 0, 0.01), target at (0.1, -0.1, 0.01)
        assertArrayEquals(new double[] {1, 1, 0, 0, 0.1, -0.1, 0, 0, 0.11, 0.1, 0}, obs, 1e-15);
        Transition t = env.simulate(new double[] {0.5, -0.5});
        assertEquals(-Math.sqrt(0.11 * 0.11 + 0.1 * 0.1) - 0.5, t.reward(), 1e-15);
        assertEquals(t.reward(), env.functions().reward(obs, new double[] {0.5, -0.5}, t.obs()), 1e-15);
        assertFalse(t.terminated());
    }

    @Test
    void invertedDoublePendulumUprightRewardAndTerminationByHand() {
        MujocoEnv env = new InvertedDoublePendulum();
        double[] obs = env.resetDefault();
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0}, obs, 0);
        // tip at z = 1.2: 10 - (1.2 - 2)^2 = 9.36; the 1e-5 x-gravity moves it by far less than 1e-9 in one step
        Transition t = env.simulate(new double[] {0});
        assertEquals(9.36, t.reward(), 1e-9);
        assertFalse(t.terminated());
        // z = 0.6 cos q1 + 0.6 cos(q1 + q2): q1 = 0.5, q2 = 1.5 -> 0.5265 + 0.5 ... below 1
        double q1 = 0.5, q2 = 1.5;
        double[] next = {0, Math.sin(q1), Math.sin(q2), Math.cos(q1), Math.cos(q2), 0, 0, 0, 0, 0, 0};
        assertTrue(env.functions().terminated(next));
        next[2] = Math.sin(0.1);
        next[4] = Math.cos(0.1);
        assertFalse(env.functions().terminated(next));
        next[0] = Double.NaN;
        next[3] = Double.NaN;
        assertTrue(env.functions().terminated(next), "non-finite states are terminal");
    }

    @Test
    void invertedPendulumTerminatesBeyondPointTwoRadians() {
        var f = new InvertedPendulum().functions();
        assertFalse(f.terminated(new double[] {0, 0.2, 0, 0}));
        assertTrue(f.terminated(new double[] {0, 0.2000001, 0, 0}));
        assertTrue(f.terminated(new double[] {0, -0.21, 0, 0}));
        assertTrue(f.terminated(new double[] {0, 0, Double.NaN, 0}));
        assertEquals(1.0, f.reward(new double[4], new double[1], new double[4]));
    }

    @Test
    void resetNoiseIsSeededAndWithinGymBounds() {
        for (String task : new String[] {"swimmer", "reacher", "inverted_pendulum", "inverted_double_pendulum"}) {
            MujocoEnv a = LocomotionTasks.make(task), b = LocomotionTasks.make(task);
            assertArrayEquals(a.reset(7), b.reset(7), 0, task + " same seed, same start");
            double[] q0 = a.model().qpos0();
            for (int e = 0; e < 50; e++) {
                a.reset();
                double[] q = a.data().qpos, v = a.data().qvel;
                switch (task) {
                    case "reacher" -> {
                        assertTrue(Math.hypot(q[2], q[3]) < 0.2, "goal inside the disc");
                        assertEquals(0, v[2]);
                        assertEquals(0, v[3]);
                        for (int i = 0; i < 2; i++) assertTrue(Math.abs(q[i] - q0[i]) <= 0.1 && Math.abs(v[i]) <= 0.005);
                    }
                    case "inverted_pendulum" -> {
                        for (int i = 0; i < 2; i++) assertTrue(Math.abs(q[i] - q0[i]) <= 0.01 && Math.abs(v[i]) <= 0.01);
                    }
                    default -> {
                        for (int i = 0; i < q.length; i++) assertTrue(Math.abs(q[i] - q0[i]) <= 0.1);
                    }
                }
            }
        }
    }

    @Test
    void actionsAreCheckedButNotClipped() {
        MujocoEnv env = new Swimmer();
        env.reset(0);
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> env.step(new double[] {0, Double.NaN}));
        // an out-of-range action pays its full control cost (Gym v4), while the motor clamps ctrl to 1
        MujocoEnv ref = new Swimmer();
        ref.reset(0);
        double r1 = env.step(new double[] {3, 0}).reward(), r2 = ref.step(new double[] {1, 0}).reward();
        assertEquals(-1e-4 * (9 - 1), r1 - r2, 1e-12);
    }

    @Test
    void registeredUnderGymIdsAndHarnessNames() {
        EnvRegistry reg = EnvRegistry.standard();
        Env s = reg.make("swimmer");
        assertEquals("Swimmer-v4", s.id());
        assertEquals(1000, s.maxEpisodeSteps());
        assertEquals(50, reg.make("Reacher-v4").maxEpisodeSteps());
        assertEquals("InvertedDoublePendulum-v4", reg.make("inverted_double_pendulum").id());
        assertEquals(4, reg.make("InvertedPendulum-v4").observationSpace().flatDim());
    }
}
