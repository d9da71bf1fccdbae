package org.vaml4j.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.vaml4j.env.Distracted;
import org.vaml4j.env.Env;
import org.vaml4j.env.TimeLimit;
import org.vaml4j.env.classic.AcrobotDynamics;
import org.vaml4j.env.classic.AcrobotTask;
import org.vaml4j.env.classic.CartPoleContinuous;
import org.vaml4j.env.classic.MountainCarContinuous;
import org.vaml4j.env.classic.Pendulum;
import org.vaml4j.env.locomotion.LocomotionTasks;
import org.vaml4j.env.locomotion.MujocoEnv;
import org.vaml4j.render.classic.AcrobotDrawing;
import org.vaml4j.render.classic.CartPoleDrawing;
import org.vaml4j.render.classic.MountainCarDrawing;
import org.vaml4j.render.classic.PendulumDrawing;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.scene.BodyScene;
import org.vaml4j.render.scene.CameraMode;

/**
 * The view of an env: simulator tasks in 3-D ({@link BodyScene}), the classic control tasks in
 * 2-D. Wrappers (time limit, distractor dimensions) are looked through: they change neither the
 * physics nor the picture.
 */
public final class EnvViews {

    /** What can be drawn, for messages. */
    public static final String DRAWABLE = drawable();

    /** MountainCarContinuous has no time step; Gym shows it at 30 frames per second. */
    static final double MOUNTAIN_CAR_DT = 1.0 / 30;

    private EnvViews() {}

    /** Whether {@code env} is drawn in 3-D (a simulator task), where a camera mode applies. */
    public static boolean isSimulatorTask(Env env) {
        return unwrap(env) instanceof MujocoEnv;
    }

    /**
     * The view of {@code env}; {@code camera} places the camera of simulator tasks and is ignored
     * by the 2-D drawings. Tasks without a drawing (gridworld, synthetic) throw, naming what can be drawn.
     */
    public static EnvView of(Env env, CameraMode camera) {
        if (env == null) throw new IllegalArgumentException("render: env must not be null");
        if (camera == null) throw new IllegalArgumentException("render: camera mode must not be null (track, side or top)");
        Env raw = unwrap(env);
        if (raw instanceof MujocoEnv m) {
            BodyScene scene = new BodyScene(m.model(), camera);
            return view(m.dt(), () -> scene.draw(m.data().qpos));
        }
        if (raw instanceof Pendulum p) return view(Pendulum.DT, () -> PendulumDrawing.draw(p.state()[0]));
        if (raw instanceof CartPoleContinuous c) {
            return view(CartPoleContinuous.TAU, () -> {
                double[] s = c.state();
                return CartPoleDrawing.draw(s[0], s[2]);
            });
        }
        if (raw instanceof AcrobotTask a) {
            return view(AcrobotDynamics.DT, () -> {
                double[] s = a.state();
                return AcrobotDrawing.draw(s[0], s[1]);
            });
        }
        if (raw instanceof MountainCarContinuous c) return view(MOUNTAIN_CAR_DT, () -> MountainCarDrawing.draw(c.state()[0]));
        throw new IllegalArgumentException("render cannot draw " + env.id() + "; it draws " + DRAWABLE);
    }

    private static String drawable() {
        List<String> names = new ArrayList<>();
        for (LocomotionTasks.Task t : LocomotionTasks.all()) names.add(t.name());
        return "the simulator tasks (" + String.join(", ", names) + ") and Pendulum, CartPole, Acrobot, MountainCar";
    }

    /** The task under its wrappers. */
    static Env unwrap(Env env) {
        Env e = env;
        while (true) {
            if (e instanceof TimeLimit t) {
                e = t.inner();
            } else if (e instanceof Distracted d) {
                e = d.inner();
            } else {
                return e;
            }
        }
    }

    private static EnvView view(double dt, Supplier<Picture> drawer) {
        return new EnvView() {
            @Override public Picture draw() { return drawer.get(); }

            @Override public double dt() { return dt; }
        };
    }
}
