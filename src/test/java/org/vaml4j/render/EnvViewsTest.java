package org.vaml4j.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvEntry;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.scene.CameraMode;

class EnvViewsTest {

    static final List<String> UNDRAWN = List.of("GridEmpty", "Synthetic");

    @Test
    void everyTaskButTheGridAndSyntheticOnesIsDrawn() {
        EnvRegistry r = EnvRegistry.standard();
        for (EnvEntry e : r.entries()) {
            Env env = r.make(e.id());
            if (UNDRAWN.stream().anyMatch(e.id()::startsWith)) {
                String m = assertThrows(IllegalArgumentException.class, () -> EnvViews.of(env, CameraMode.TRACK)).getMessage();
                assertTrue(m.contains(e.id()) && m.contains("Pendulum, CartPole, Acrobot, MountainCar"), m);
                continue;
            }
            EnvView view = EnvViews.of(env, CameraMode.TRACK);
            env.reset(0);
            Picture p = view.draw();
            assertTrue(p.shapes().size() > 3, e.id());
            assertTrue(view.dt() > 0, e.id());
        }
    }

    @Test
    void wrappersAreLookedThrough() {
        Env env = EnvRegistry.standard().make("hopper+distract3");
        assertTrue(EnvViews.isSimulatorTask(env));
        assertFalse(EnvViews.isSimulatorTask(EnvRegistry.standard().make("pendulum")));
        assertEquals(0.008, EnvViews.of(env, CameraMode.SIDE).dt(), 1e-12);
    }

    @Test
    void aRolloutDrawsTheResetAndEveryStep() {
        Env env = EnvRegistry.standard().make("pendulum");
        Recording r = Rollout.record(env, EnvViews.of(env, CameraMode.TRACK), new RandomPolicy(env.actionSpace(), 4), 4, 25, "p");
        assertEquals(25, r.steps(), "pendulum never terminates");
        assertEquals(26, r.frames().size());
        assertEquals(0, r.returns()[0]);
        assertFalse(r.terminated());
        assertTrue(r.totalReturn() < 0, "pendulum rewards are costs");
        Recording again = Rollout.record(env, EnvViews.of(env, CameraMode.TRACK), new RandomPolicy(env.actionSpace(), 4), 4, 25, "p");
        assertEquals(r.frames(), again.frames(), "a pure function of the seed");
    }

    @Test
    void aTerminatedEpisodeStopsThere() {
        Env env = EnvRegistry.standard().make("cartpole");
        Recording r = Rollout.record(env, EnvViews.of(env, CameraMode.TRACK), obs -> new double[] {1}, 0, 500, "push right");
        assertTrue(r.terminated());
        assertTrue(r.steps() < 200, "the pole falls well before the time limit: " + r.steps());
        assertEquals(r.steps(), r.totalReturn(), 1e-12, "reward 1 per step");
    }
}
