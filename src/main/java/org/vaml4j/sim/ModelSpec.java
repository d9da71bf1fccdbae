package org.vaml4j.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed MJCF model with defaults applied and every frame resolved to pos/quat in its parent
 * (angles in radians), before masses, inertias and addresses are computed by
 * {@link ModelCompiler}. Lists are in document (depth-first) order; body 0 is the world.
 */
final class ModelSpec {

    /** Explicit {@code <inertial>}: centre of mass, principal frame, mass, principal inertia. */
    record InertialSpec(double[] pos, double[] quat, double mass, double[] diag) {}

    record BodySpec(String name, int parent, double[] pos, double[] quat, InertialSpec inertial, int line) {}

    record JointSpec(int body, String name, JointType type, double[] pos, double[] axis, boolean limited,
                     double[] range, double ref, double springref, double stiffness, double damping,
                     double armature, double margin, double[] solref, double[] solimp, int line) {}

    /** mass is NaN when the geom's mass comes from its density. */
    record GeomSpec(int body, String name, GeomType type, double[] size, double[] pos, double[] quat,
                    double mass, double density, double[] friction, int contype, int conaffinity, int condim,
                    double margin, double[] solref, double[] solimp, int line) {}

    record SiteSpec(int body, String name, double[] pos, double[] quat, int line) {}

    record MotorSpec(String name, String joint, double gear, boolean ctrlLimited, double[] ctrlRange, int line) {}

    String name = "";
    String source = "";
    /** compiler inertiafromgeom: "true", "false" or "auto" */
    String inertiaFromGeom = "auto";
    /** compiler settotalmass; non-positive = keep the computed masses */
    double setTotalMass = -1;
    Option opt;
    final List<BodySpec> bodies = new ArrayList<>();
    final List<JointSpec> joints = new ArrayList<>();
    final List<GeomSpec> geoms = new ArrayList<>();
    final List<SiteSpec> sites = new ArrayList<>();
    final List<MotorSpec> motors = new ArrayList<>();
    final Map<String, double[]> numeric = new LinkedHashMap<>();
}
