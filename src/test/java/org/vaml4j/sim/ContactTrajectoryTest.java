package org.vaml4j.sim;

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
 * the end); humanoid uses MuJoCo's PGS solver (50 iterations), which stops short of the exact
 * minimum our Newton solver reaches.
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
        "humanoid, 50, 1e-3",
        "humanoid_passive, 100, 1e-3",
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

    /** The first row whose ncon (last column) is positive; rows.size() if none. */
    static int firstContact(TrajectoryReplay ref) {
        for (int k = 0; k < ref.rows.size(); k++) {
            double[] x = ref.rows.get(k);
            if (x[x.length - 1] > 0) return k;
        }
        return ref.rows.size();
    }
}
