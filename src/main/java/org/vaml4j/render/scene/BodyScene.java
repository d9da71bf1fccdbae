package org.vaml4j.render.scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.joml.Quaterniond;
import org.joml.Vector3d;
import org.vaml4j.render.picture.Color;
import org.vaml4j.render.picture.Picture;
import org.vaml4j.render.picture.Shape;
import org.vaml4j.sim.Data;
import org.vaml4j.sim.Forward;
import org.vaml4j.sim.GeomType;
import org.vaml4j.sim.Model;

/**
 * Pictures of a simulator model in a configuration {@code qpos}: the kinematics run on a private
 * {@link Data} (the live simulation is never touched), every geom's frame becomes a JOML position
 * and quaternion ({@link Frames}), and the picture is painted back to front: sky, floor with grid
 * ({@link Ground}), shadows ({@link Shadows}), then the geoms ordered by depth ({@link GeomPainter}).
 * The camera ({@link CameraRig}) follows the tracked body, the root of the tree that joint 0
 * moves (the torso of the locomotion tasks); its distance and height are fitted to the model's
 * size at {@code qpos0}. Not thread-safe (one private Data).
 */
public final class BodyScene {

    public static final int WIDTH = 960, HEIGHT = 540;
    public static final double FOVY_DEGREES = 45;
    /** distance of the eye, in fits of the model's rest size into the view's height */
    private static final double FRAMING = 1.45;
    private static final double[] GRID_SPACINGS = {2, 1, 0.5, 0.25, 0.1};

    private final Model model;
    private final Data data;
    private final CameraRig rig;
    private final int tracked;
    private final int floor;
    private final double spacing;
    private final Color[] colors;

    public BodyScene(Model model, CameraMode mode) {
        if (model == null || mode == null) throw new IllegalArgumentException("body scene needs a model and a camera mode");
        this.model = model;
        this.data = new Data(model);
        this.tracked = trackedBody(model);
        int plane = -1;
        for (int g = 0; g < model.ngeom() && plane < 0; g++) if (model.geomType(g) == GeomType.PLANE) plane = g;
        this.floor = plane;
        this.colors = new Color[model.ngeom()];
        for (int g = 0; g < model.ngeom(); g++) {
            int b = model.geomBodyId(g);
            List<String> names = new ArrayList<>();
            for (int a = b; a > 0 && a != tracked; a = model.bodyParentId(a)) names.add(model.bodyName(a));
            if (b == tracked) names.add(model.bodyName(b));
            colors[g] = Palette.body(names, b == tracked);
        }

        // ---- framing from the rest pose: bounding box of every non-plane geom ----
        pose(model.qpos0());
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE}, hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int g = 0; g < model.ngeom(); g++) {
            if (model.geomType(g) == GeomType.PLANE) continue;
            double rho = boundingRadius(model.geomType(g), model.geomSize(g));
            for (int i = 0; i < 3; i++) {
                lo[i] = Math.min(lo[i], data.geomXpos[3 * g + i] - rho);
                hi[i] = Math.max(hi[i], data.geomXpos[3 * g + i] + rho);
            }
        }
        double extent = lo[0] > hi[0] ? 1 : Math.max(hi[0] - lo[0], Math.max(hi[1] - lo[1], hi[2] - lo[2]));
        double centreZ = lo[0] > hi[0] ? 0 : (lo[2] + hi[2]) / 2;
        double distance = FRAMING * extent / (2 * Math.tan(Math.toRadians(FOVY_DEGREES) / 2));
        if (mode == CameraMode.TOP) distance *= 1.1;
        this.rig = new CameraRig(mode, Math.max(0.5, distance), centreZ, FOVY_DEGREES, WIDTH, HEIGHT);
        double s = GRID_SPACINGS[GRID_SPACINGS.length - 1];
        for (double c : GRID_SPACINGS) {
            if (c <= 0.7 * extent) {
                s = c;
                break;
            }
        }
        this.spacing = s;
    }

    /** The camera placement (distance and target height fitted to the model). */
    CameraRig rig() { return rig; }

    /** The body the camera follows. */
    public int trackedBody() { return tracked; }

    /** The camera that {@link #draw} uses for {@code qpos}. */
    Camera camera(double[] qpos) {
        pose(qpos);
        return cameraForPose();
    }

    /** The picture of configuration {@code qpos} (nq values). */
    public Picture draw(double[] qpos) {
        pose(qpos);
        Camera cam = cameraForPose();
        List<Shape> shapes = new ArrayList<>();
        shapes.add(Ground.sky(cam));
        int ng = model.ngeom();
        Vector3d[] pos = new Vector3d[ng];
        Quaterniond[] rot = new Quaterniond[ng];
        for (int g = 0; g < ng; g++) {
            pos[g] = Frames.position(data.geomXpos, 3 * g, new Vector3d());
            rot[g] = Frames.quaternion(data.geomXmat, 9 * g, new Quaterniond());
        }
        if (floor >= 0) {
            Vector3d ex = rot[floor].transform(new Vector3d(1, 0, 0)), ey = rot[floor].transform(new Vector3d(0, 1, 0));
            shapes.addAll(Ground.floor(cam, pos[floor], ex, ey, spacing));
            Shadows shadows = new Shadows(cam, pos[floor], ex, ey);
            for (int g = 0; g < ng; g++) shadows.add(model.geomType(g), pos[g], rot[g], model.geomSize(g));
            shapes.addAll(shadows.group());
        }
        // ---- geoms, farthest first ----
        double[] depth = new double[ng];
        Vector3d v = new Vector3d();
        for (int g = 0; g < ng; g++) depth[g] = -cam.toView(pos[g].x, pos[g].y, pos[g].z, v).z;
        Integer[] order = new Integer[ng];
        for (int g = 0; g < ng; g++) order[g] = g;
        Arrays.sort(order, Comparator.comparingDouble((Integer g) -> -depth[g]).thenComparingInt(g -> g));
        GeomPainter painter = new GeomPainter(cam);
        for (int g : order) {
            if (model.geomType(g) == GeomType.PLANE) continue;
            shapes.addAll(painter.paint(model.geomType(g), pos[g], rot[g], model.geomSize(g), colors[g]));
        }
        return new Picture(WIDTH, HEIGHT, shapes);
    }

    private Camera cameraForPose() {
        return rig.aim(data.xpos[3 * tracked], data.xpos[3 * tracked + 1]);
    }

    /** Kinematics of {@code qpos} (zero velocity) into the private Data. */
    private void pose(double[] qpos) {
        if (qpos == null || qpos.length != model.nq()) {
            throw new IllegalArgumentException("model '" + model.name() + "' needs qpos of " + model.nq() + " values, got "
                    + (qpos == null ? "null" : qpos.length));
        }
        for (int i = 0; i < qpos.length; i++) {
            if (!Double.isFinite(qpos[i])) throw new IllegalArgumentException("qpos[" + i + "] is " + qpos[i] + "; must be finite");
        }
        data.reset(model);
        System.arraycopy(qpos, 0, data.qpos, 0, qpos.length);
        Forward.forward(model, data);
    }

    /** The root (a child of the world) of the body that joint 0 moves; body 1, or the world, without joints. */
    private static int trackedBody(Model m) {
        if (m.njnt() == 0) return m.nbody() > 1 ? 1 : 0;
        int b = m.jntBodyId(0);
        while (b > 0 && m.bodyParentId(b) > 0) b = m.bodyParentId(b);
        return b;
    }

    private static double boundingRadius(GeomType type, double[] size) {
        return switch (type) {
            case SPHERE -> size[0];
            case CAPSULE -> size[0] + size[1];
            case CYLINDER -> Math.hypot(size[0], size[1]);
            case BOX -> Math.sqrt(size[0] * size[0] + size[1] * size[1] + size[2] * size[2]);
            case ELLIPSOID -> Math.max(size[0], Math.max(size[1], size[2]));
            case PLANE -> 0;
        };
    }
}
