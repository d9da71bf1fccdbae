package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agreement of the contact pipeline ({@link Collision}, {@link ContactConstraint}, the solver)
 * with MuJoCo 2.2.2 trajectories of the legged tasks (reference harness, LCG actions, no reset
 * noise). Each file is checked up to its first contact (the CSV's ncon column) with 1e-6 and
 * over the stated horizon with the stated tolerance, which follows MuJoCo's own sensitivity to a
 * 1e-12 perturbation (anchors/mujoco/README.md): hopper, walker2d, pusher and the passive drops
 * of ant and half_cheetah are well-conditioned; random ant and half_cheetah are chaotic beyond
 * ~step 60; hopper_passive's first contact turns 1e-18 into ~1e-5 in MuJoCo itself (7e-4 by
 * the end); humanoid asks for MuJoCo's PGS solver (50 sweeps), which {@link PgsSolver} follows
 * (humanoid_passive drifts from ~1e-13 to ~2e-6 between steps 100 and 200).
 *
 * <p>Chaos hides physics errors in long random runs, so {@code <task>_states.csv} checks single
 * env steps from states the harness's random-action protocol visits (bench.c's benchmark loop:
 * LCG actions and Gym v4 reset noise; seed 7 for 5000 env steps, ant seed 1 for 20000): the 10 rows
 * of deepest penetration, the most contacts, episode starts (unnormalised quaternions), for ant the
 * highest jumps, and evenly spaced rows. Columns: row, episode_step, qpos, qvel, action, the
 * qpos and qvel after the env step, terminated, ncon and the deepest penetration (-dist) after it.
 */
class ContactTrajectoryTest {

    @ParameterizedTest(name = "{0}: up to step {1} within {2}")
    @CsvSource({
        "hopper, 200, 1e-9",
        "hopper_passive, 200, 1e-3",
        "walker2d, 200, 1e-9",
        "walker2d_passive, 200, 1e-9",
        "half_cheetah, 60, 1e-8",
        "half_cheetah_passive, 200, 1e-9",
        "ant, 60, 1e-8",
        "ant_passive, 200, 1e-9",
        "pusher, 200, 1e-9",
        "pusher_passive, 200, 1e-12",
        "humanoid, 200, 1e-9",
        "humanoid_passive, 100, 1e-9",
        "humanoid_passive, 200, 1e-4",
    })
    void matchesMujocoTrajectory(String file, int upTo, double tol) throws Exception {
        Model m = MjcfLoader.loadResource(file.replace("_passive", ""));
        TrajectoryReplay ref = new TrajectoryReplay(file);
        double[] err = ref.replay(m, (int) m.numeric().get("frame_skip")[0]);
        int firstContact = firstContact(ref);
        double before = TrajectoryReplay.maxUpTo(err, firstContact - 1);
        assertTrue(before <= 1e-6, file + ": max error before the first contact (step " + firstContact + ") = " + before);
        double max = TrajectoryReplay.maxUpTo(err, upTo);
        assertTrue(max <= tol, file + ": max |qpos, qvel error| up to step " + upTo + " = " + max);
    }

    @ParameterizedTest(name = "{0}: one env step from protocol states")
    @CsvSource({"hopper", "walker2d", "half_cheetah", "ant"})
    void oneEnvStepFromRandomProtocolStatesMatchesMujoco(String task) throws Exception {
        Model m = MjcfLoader.loadResource(task);
        int frameSkip = (int) m.numeric().get("frame_skip")[0], nq = m.nq, nv = m.nv, nu = m.nu;
        Data d = new Data(m);
        TrajectoryReplay ref = new TrajectoryReplay(task + "_states");
        assertTrue(ref.rows.size() >= 30, task + ": too few reference rows");
        for (double[] x : ref.rows) {
            d.reset(m);
            int o = 2;
            System.arraycopy(x, o, d.qpos, 0, nq);
            System.arraycopy(x, o += nq, d.qvel, 0, nv);
            System.arraycopy(x, o += nv, d.ctrl, 0, nu);
            o += nu;
            for (int k = 0; k < frameSkip; k++) Step.step(m, d);
            double err = 0;
            for (int i = 0; i < nq; i++) err = Math.max(err, Math.abs(d.qpos[i] - x[o + i]));
            for (int i = 0; i < nv; i++) err = Math.max(err, Math.abs(d.qvel[i] - x[o + nq + i]));
            String row = task + " row " + (long) x[0];
            assertTrue(err <= 1e-9, row + ": max |qpos, qvel error| after one env step = " + err);
            double deepest = 0;
            for (int c = 0; c < d.contact.ncon; c++) deepest = Math.max(deepest, -d.contact.dist[c]);
            assertEquals((int) x[x.length - 2], d.ncon, row + ": contacts");
            assertEquals(x[x.length - 1], deepest, 1e-9, row + ": deepest penetration");
        }
    }

    /** The first row whose ncon (last column) is positive; rows.size() if none. */
    static int firstContact(TrajectoryReplay ref) {
        for (int k = 0; k < ref.rows.size(); k++) {
            double[] x = ref.rows.get(k);
            if (x[x.length - 1] > 0) return k;
        }
        return ref.rows.size();
    }
}
