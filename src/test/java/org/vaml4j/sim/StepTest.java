package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agreement with MuJoCo 2.2.2 trajectories (reference harness, LCG actions, no reset noise) for
 * the smooth dynamics: RK4, fluid forces, damping, armature, motors. Rows are compared up to the
 * given step (before the first joint limit activates in the random-action files).
 */
class StepTest {

    @ParameterizedTest(name = "{0} up to step {1}")
    @CsvSource({
        "swimmer, 28",
        "swimmer_passive, 200",
        "reacher, 26",
        "reacher_passive, 200",
        "inverted_pendulum, 29",
        "inverted_pendulum_passive, 41",
        "inverted_double_pendulum, 17",
        "inverted_double_pendulum_passive, 25",
    })
    void matchesMujocoTrajectory(String file, int upTo) throws Exception {
        String task = file.replace("_passive", "");
        Model m = MjcfLoader.loadResource(task);
        double[] err = new TrajectoryReplay(file).replay(m, (int) m.numeric().get("frame_skip")[0]);
        double max = TrajectoryReplay.maxUpTo(err, upTo);
        assertTrue(max <= 1e-9, file + ": max |qpos, qvel error| up to step " + upTo + " = " + max);
    }
}
