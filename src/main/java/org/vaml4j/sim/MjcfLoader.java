package org.vaml4j.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the MJCF subset the Gym MuJoCo tasks use into a {@link Model}. Supported: {@code compiler}
 * (angle, inertiafromgeom, coordinate="local", settotalmass), {@code option}, {@code custom/numeric},
 * nested {@code default} classes, {@code worldbody}/{@code body}/{@code joint}/{@code freejoint}/
 * {@code geom}/{@code site}/{@code inertial} and {@code actuator/motor}. Anything else (an element,
 * an attribute, a value) is rejected with the element, the attribute and the line.
 */
public final class MjcfLoader {

    private static final double[] ZERO3 = {0, 0, 0};
    private static final double[] UNIT_Q = {1, 0, 0, 0};
    private static final double[] SOLREF = {0.02, 1};
    private static final double[] SOLIMP = {0.9, 0.95, 0.001, 0.5, 2};
    private static final double[] FRICTION = {1, 0.005, 0.0001};

    private static final Set<String> FRAME = Set.of("pos", "quat", "euler", "axisangle");
    private static final Map<String, Set<String>> ATTRS = Map.ofEntries(
            Map.entry("mujoco", Set.of("model")),
            Map.entry("compiler", Set.of("angle", "inertiafromgeom", "coordinate", "settotalmass")),
            Map.entry("option", Set.of("timestep", "gravity", "wind", "density", "viscosity", "integrator",
                    "collision", "solver", "iterations", "tolerance")),
            Map.entry("custom", Set.of()),
            Map.entry("numeric", Set.of("name", "data")),
            Map.entry("default", Set.of("class")),
            Map.entry("worldbody", Set.of()),
            Map.entry("body", Set.of("name", "childclass", "pos", "quat", "euler", "axisangle")),
            Map.entry("inertial", Set.of("pos", "quat", "euler", "axisangle", "mass", "diaginertia")),
            Map.entry("joint", Set.of("name", "class", "type", "pos", "axis", "limited", "range", "ref",
                    "springref", "stiffness", "damping", "armature", "margin", "solreflimit", "solimplimit")),
            Map.entry("freejoint", Set.of("name")),
            Map.entry("geom", Set.of("name", "class", "type", "size", "pos", "quat", "euler", "axisangle", "fromto",
                    "density", "mass", "friction", "contype", "conaffinity", "condim", "margin", "solref", "solimp")),
            Map.entry("site", Set.of("name", "class", "pos", "quat", "euler", "axisangle", "size", "type")),
            Map.entry("actuator", Set.of()),
            Map.entry("motor", Set.of("name", "class", "joint", "gear", "ctrllimited", "ctrlrange")));
    private static final Map<String, Set<String>> CHILDREN = Map.of(
            "mujoco", Set.of("compiler", "option", "custom", "default", "worldbody", "actuator"),
            "custom", Set.of("numeric"),
            "default", Set.of("default", "joint", "geom", "site", "motor"),
            "worldbody", Set.of("body", "geom", "site"),
            "body", Set.of("body", "joint", "freejoint", "geom", "site", "inertial"),
            "actuator", Set.of("motor"));

    private final String source;
    private final ModelSpec spec = new ModelSpec();
    /** class name -> element kind -> attribute defaults */
    private final Map<String, Map<String, Map<String, String>>> defaults = new HashMap<>();
    private boolean degree = true;

    private MjcfLoader(String source) {
        this.source = source;
        spec.source = source;
    }

    /** Loads an MJCF file. */
    public static Model load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Loads MJCF text from a stream; {@code source} names it in error messages. */
    public static Model load(InputStream in, String source) {
        try {
            return ModelCompiler.compile(new MjcfLoader(source).read(XmlTree.parse(in, source)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /** Loads MJCF text given as a string (tests, generated models). */
    public static Model loadString(String xml, String source) {
        return load(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), source);
    }

    /** Loads one of the project's task models, e.g. {@code "swimmer"} ({@code org/vaml4j/sim/models/swimmer.xml}). */
    public static Model loadResource(String modelName) {
        String path = "models/" + modelName + ".xml";
        InputStream in = MjcfLoader.class.getResourceAsStream(path);
        if (in == null) throw new IllegalArgumentException("no bundled model '" + modelName + "' (" + path + ")");
        try (in) {
            return load(in, modelName + ".xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ top level

    private ModelSpec read(XmlTree.Node root) {
        if (!root.tag().equals("mujoco")) {
            throw new IllegalArgumentException(MjcfAttrs.where(source, root) + ": the root element must be <mujoco>");
        }
        check(root);
        spec.name = root.attrs().getOrDefault("model", "");
        // compiler and option first: they change how everything else is read
        XmlTree.Node option = null;
        for (XmlTree.Node n : root.children()) if (n.tag().equals("compiler")) compiler(n);
        for (XmlTree.Node n : root.children()) if (n.tag().equals("option")) option = n;
        spec.opt = option(option);
        Map<String, Map<String, String>> main = new HashMap<>();
        defaults.put("main", main);
        for (XmlTree.Node n : root.children()) if (n.tag().equals("default")) defaultClass(n, main, true);
        spec.bodies.add(new ModelSpec.BodySpec("world", -1, ZERO3.clone(), UNIT_Q.clone(), null, root.line()));
        int worldbodies = 0;
        for (XmlTree.Node n : root.children()) {
            switch (n.tag()) {
                case "worldbody" -> {
                    worldbodies++;
                    bodyChildren(n, 0, "main");
                }
                case "custom" -> {
                    for (XmlTree.Node c : n.children()) numeric(c);
                }
                case "actuator" -> {
                    for (XmlTree.Node c : n.children()) motor(c);
                }
                default -> { }
            }
        }
        if (worldbodies == 0) throw new IllegalArgumentException(source + ": <mujoco> has no <worldbody>");
        return spec;
    }

    /** Validates attribute names and child tags of n and of its whole subtree. */
    private void check(XmlTree.Node n) {
        Set<String> allowed = ATTRS.get(n.tag());
        if (allowed == null) {
            throw new IllegalArgumentException(MjcfAttrs.where(source, n) + ": element <" + n.tag()
                    + "> is not supported; supported elements: " + new java.util.TreeSet<>(ATTRS.keySet()));
        }
        MjcfAttrs.checkAllowed(source, n, allowed);
        Set<String> kids = CHILDREN.getOrDefault(n.tag(), Set.of());
        for (XmlTree.Node c : n.children()) {
            if (!kids.contains(c.tag())) {
                throw new IllegalArgumentException(MjcfAttrs.where(source, c) + ": <" + c.tag()
                        + "> is not supported inside <" + n.tag() + ">; allowed children: " + new java.util.TreeSet<>(kids));
            }
            check(c);
        }
    }

    private void compiler(XmlTree.Node n) {
        MjcfAttrs a = new MjcfAttrs(source, n, n.attrs());
        degree = a.choice("angle", "degree", "degree", "radian").equals("degree");
        spec.inertiaFromGeom = a.choice("inertiafromgeom", "auto", "true", "false", "auto");
        a.choice("coordinate", "local", "local");
        spec.setTotalMass = a.number("settotalmass", -1);
    }

    private Option option(XmlTree.Node n) {
        MjcfAttrs a = new MjcfAttrs(source, n == null ? new XmlTree.Node("option", Map.of(), -1, List.of()) : n,
                n == null ? Map.of() : n.attrs());
        double timestep = a.number("timestep", 0.002);
        if (!(timestep > 0)) throw a.error("timestep", "must be positive");
        String integrator = a.choice("integrator", "Euler", "Euler", "RK4");
        String collision = a.choice("collision", "all", "all", "predefined", "dynamic");
        int iterations = a.integer("iterations", 100);
        if (iterations < 1) throw a.error("iterations", "must be >= 1");
        double density = a.number("density", 0), viscosity = a.number("viscosity", 0);
        if (density < 0) throw a.error("density", "must be >= 0");
        if (viscosity < 0) throw a.error("viscosity", "must be >= 0");
        return new Option(timestep, a.numbers("gravity", 3, 3, new double[] {0, 0, -9.81}),
                a.numbers("wind", 3, 3, ZERO3), density, viscosity,
                integrator.equals("RK4") ? Option.IntegratorKind.RK4 : Option.IntegratorKind.EULER,
                Option.CollisionMode.valueOf(collision.toUpperCase(java.util.Locale.ROOT)),
                a.choice("solver", "Newton", "Newton", "CG", "PGS"), iterations, a.number("tolerance", 1e-8));
    }

    private void numeric(XmlTree.Node n) {
        MjcfAttrs a = new MjcfAttrs(source, n, n.attrs());
        String name = a.string("name", null);
        if (name == null) throw a.error("name", "is required");
        double[] data = a.numbers("data", 1, 1 << 16, null);
        if (data == null) throw a.error("data", "is required");
        String[] parts = n.attrs().get("data").trim().split("\\s+");
        spec.numeric.put(name, java.util.Arrays.copyOf(data, parts.length));
    }

    // ------------------------------------------------------------------ defaults

    private void defaultClass(XmlTree.Node n, Map<String, Map<String, String>> parent, boolean top) {
        String cls = n.attrs().get("class");
        Map<String, Map<String, String>> mine;
        if (top && (cls == null || cls.equals("main"))) {
            mine = parent;
        } else {
            if (cls == null) {
                throw new IllegalArgumentException(MjcfAttrs.where(source, n) + ": a nested <default> needs a class");
            }
            if (defaults.containsKey(cls)) {
                throw new IllegalArgumentException(MjcfAttrs.where(source, n) + ": default class '" + cls + "' is defined twice");
            }
            mine = new HashMap<>();
            parent.forEach((k, v) -> mine.put(k, new LinkedHashMap<>(v)));
            defaults.put(cls, mine);
        }
        for (XmlTree.Node c : n.children()) {
            if (c.tag().equals("default")) defaultClass(c, mine, false);
            else {
                if (c.attrs().containsKey("class") || c.attrs().containsKey("name")) {
                    throw new IllegalArgumentException(MjcfAttrs.where(source, c) + ": defaults cannot have a name or class");
                }
                mine.computeIfAbsent(c.tag(), k -> new LinkedHashMap<>()).putAll(c.attrs());
            }
        }
    }

    /** Explicit attributes over the defaults of the element's class (or the body's childclass). */
    private MjcfAttrs attrs(XmlTree.Node n, String childclass) {
        String cls = n.attrs().getOrDefault("class", childclass);
        Map<String, Map<String, String>> d = defaults.get(cls);
        if (d == null) {
            throw new IllegalArgumentException(MjcfAttrs.where(source, n) + ": unknown default class '" + cls
                    + "'; classes: " + new java.util.TreeSet<>(defaults.keySet()));
        }
        Map<String, String> merged = new LinkedHashMap<>(d.getOrDefault(n.tag(), Map.of()));
        merged.putAll(n.attrs());
        return new MjcfAttrs(source, n, merged);
    }

    // ------------------------------------------------------------------ bodies

    private void bodyChildren(XmlTree.Node n, int body, String childclass) {
        for (XmlTree.Node c : n.children()) {
            switch (c.tag()) {
                case "joint" -> joint(c, body, childclass, false);
                case "freejoint" -> joint(c, body, childclass, true);
                case "geom" -> geom(c, body, childclass);
                case "site" -> site(c, body, childclass);
                default -> { }
            }
        }
        for (XmlTree.Node c : n.children()) if (c.tag().equals("body")) body(c, body, childclass);
    }

    private void body(XmlTree.Node n, int parent, String childclass) {
        MjcfAttrs a = new MjcfAttrs(source, n, n.attrs());
        String cc = a.string("childclass", childclass);
        if (!defaults.containsKey(cc)) throw a.error("childclass", "unknown default class '" + cc + "'");
        double[] pos = a.numbers("pos", 3, 3, ZERO3);
        double[] quat = orientation(a);
        ModelSpec.InertialSpec inertial = null;
        for (XmlTree.Node c : n.children()) {
            if (!c.tag().equals("inertial")) continue;
            if (inertial != null) throw new IllegalArgumentException(MjcfAttrs.where(source, c) + ": more than one <inertial>");
            MjcfAttrs ia = new MjcfAttrs(source, c, c.attrs());
            if (!ia.has("mass") || !ia.has("diaginertia") || !ia.has("pos")) {
                throw new IllegalArgumentException(MjcfAttrs.where(source, c) + ": needs pos, mass and diaginertia");
            }
            double mass = ia.number("mass", 0);
            double[] diag = ia.numbers("diaginertia", 3, 3, null);
            if (mass < 0 || diag[0] < 0 || diag[1] < 0 || diag[2] < 0) throw ia.error("mass", "mass and inertia must be >= 0");
            inertial = new ModelSpec.InertialSpec(ia.numbers("pos", 3, 3, null), orientation(ia), mass, diag);
        }
        spec.bodies.add(new ModelSpec.BodySpec(a.string("name", null), parent, pos, quat, inertial, n.line()));
        bodyChildren(n, spec.bodies.size() - 1, cc);
    }

    private void joint(XmlTree.Node n, int body, String childclass, boolean free) {
        if (body == 0) throw new IllegalArgumentException(MjcfAttrs.where(source, n) + ": the world body cannot have joints");
        MjcfAttrs a = free ? new MjcfAttrs(source, n, n.attrs()) : attrs(n, childclass);
        JointType type = free ? JointType.FREE
                : JointType.valueOf(a.choice("type", "hinge", "free", "ball", "slide", "hinge").toUpperCase(java.util.Locale.ROOT));
        double[] axis = a.numbers("axis", 3, 3, new double[] {0, 0, 1});
        double norm = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (norm < 1e-10) throw a.error("axis", "must not be zero");
        for (int k = 0; k < 3; k++) axis[k] /= norm;
        boolean angular = type == JointType.HINGE || type == JointType.BALL;
        double scale = angular && degree ? Math.PI / 180.0 : 1.0;
        double[] range = a.numbers("range", 2, 2, new double[] {0, 0});
        range[0] *= scale;
        range[1] *= scale;
        String lim = a.choice("limited", "false", "true", "false", "auto");
        boolean limited = lim.equals("true") || (lim.equals("auto") && n.attrs().containsKey("range"));
        if (limited && !(range[0] < range[1])) throw a.error("range", "a limited joint needs lower < upper");
        if (limited && type == JointType.FREE) throw a.error("limited", "free joints cannot be limited");
        double hingeScale = type == JointType.HINGE ? scale : 1.0;
        double stiffness = a.number("stiffness", 0), damping = a.number("damping", 0), armature = a.number("armature", 0);
        if (stiffness < 0 || damping < 0 || armature < 0) throw a.error("damping", "stiffness, damping and armature must be >= 0");
        int firstOfBody = spec.joints.size();
        while (firstOfBody > 0 && spec.joints.get(firstOfBody - 1).body() == body) firstOfBody--;
        if (type == JointType.FREE && firstOfBody != spec.joints.size()) {
            throw a.error("type", "a free joint must be the only joint of its body");
        }
        if (firstOfBody != spec.joints.size() && spec.joints.get(firstOfBody).type() == JointType.FREE) {
            throw a.error("type", "a free joint must be the only joint of its body");
        }
        if (type == JointType.FREE && spec.bodies.get(body).parent() != 0) {
            throw a.error("type", "free joints are only allowed in children of the world body");
        }
        spec.joints.add(new ModelSpec.JointSpec(body, a.string("name", null), type, a.numbers("pos", 3, 3, ZERO3),
                axis, limited, range, a.number("ref", 0) * hingeScale, a.number("springref", 0) * hingeScale,
                stiffness, damping, armature, a.number("margin", 0), a.numbers("solreflimit", 2, 2, SOLREF),
                a.numbers("solimplimit", 3, 5, SOLIMP), n.line()));
    }

    private void geom(XmlTree.Node n, int body, String childclass) {
        MjcfAttrs a = attrs(n, childclass);
        GeomType type = GeomType.valueOf(a.choice("type", "sphere", "plane", "sphere", "capsule", "ellipsoid",
                "cylinder", "box").toUpperCase(java.util.Locale.ROOT));
        double[] size = a.numbers("size", 1, 3, ZERO3);
        double[] pos, quat;
        if (a.has("fromto")) {
            if (type != GeomType.CAPSULE && type != GeomType.CYLINDER && type != GeomType.BOX && type != GeomType.ELLIPSOID) {
                throw a.error("fromto", "only capsule, cylinder, box and ellipsoid geoms accept fromto");
            }
            for (String alt : FRAME) if (n.attrs().containsKey(alt)) throw a.error(alt, "cannot be combined with fromto");
            double[] ft = a.numbers("fromto", 6, 6, null);
            // axis from 'to' towards 'from' (MuJoCo's convention), half-length = |from - to| / 2
            double vx = ft[0] - ft[3], vy = ft[1] - ft[4], vz = ft[2] - ft[5];
            double len = Math.sqrt(vx * vx + vy * vy + vz * vz);
            if (len / 2 < 1e-14) throw a.error("fromto", "the two points coincide");
            size[1] = len / 2;
            if (type == GeomType.BOX || type == GeomType.ELLIPSOID) {
                size[2] = size[1];
                size[1] = size[0];
            }
            pos = new double[] {(ft[0] + ft[3]) / 2, (ft[1] + ft[4]) / 2, (ft[2] + ft[5]) / 2};
            quat = new double[4];
            Quat.fromZTo(quat, 0, vx / len, vy / len, vz / len);
        } else {
            pos = a.numbers("pos", 3, 3, ZERO3);
            quat = orientation(a);
        }
        if (type == GeomType.PLANE) {
            if (body != 0) throw a.error("type", "planes are only allowed in the world body");
            if (!(size[2] > 0)) throw a.error("size", "a plane needs a positive third size value");
        } else {
            for (int k = 0; k < type.nsize; k++) {
                if (!(size[k] > 0)) throw a.error("size", type.name().toLowerCase(java.util.Locale.ROOT)
                        + " needs " + type.nsize + " positive size value(s), got " + java.util.Arrays.toString(size));
            }
        }
        double mass = a.has("mass") ? a.number("mass", 0) : Double.NaN;
        double density = a.number("density", 1000);
        if (mass < 0 || density < 0) throw a.error(mass < 0 ? "mass" : "density", "must be >= 0");
        int condim = a.integer("condim", 3);
        if (condim != 1 && condim != 3 && condim != 4 && condim != 6) throw a.error("condim", "must be 1, 3, 4 or 6");
        spec.geoms.add(new ModelSpec.GeomSpec(body, a.string("name", null), type, size, pos, quat, mass, density,
                a.numbers("friction", 1, 3, FRICTION), a.integer("contype", 1), a.integer("conaffinity", 1), condim,
                a.number("margin", 0), a.numbers("solref", 2, 2, SOLREF), a.numbers("solimp", 3, 5, SOLIMP), n.line()));
    }

    private void site(XmlTree.Node n, int body, String childclass) {
        MjcfAttrs a = attrs(n, childclass);
        a.choice("type", "sphere", "sphere", "capsule", "ellipsoid", "cylinder", "box");
        a.numbers("size", 1, 3, ZERO3); // validated; sizes of sites are render-only
        spec.sites.add(new ModelSpec.SiteSpec(body, a.string("name", null), a.numbers("pos", 3, 3, ZERO3),
                orientation(a), n.line()));
    }

    private void motor(XmlTree.Node n) {
        MjcfAttrs a = attrs(n, "main");
        String joint = a.string("joint", null);
        if (joint == null) throw a.error("joint", "is required (only joint transmissions are supported)");
        double[] gear = a.numbers("gear", 1, 6, new double[] {1, 0, 0, 0, 0, 0});
        for (int k = 1; k < 6; k++) if (gear[k] != 0) throw a.error("gear", "only the first gear value may be non-zero");
        boolean limited = a.bool("ctrllimited", false);
        double[] range = a.numbers("ctrlrange", 2, 2, new double[] {0, 0});
        if (limited && !(range[0] < range[1])) throw a.error("ctrlrange", "a ctrllimited motor needs lower < upper");
        spec.motors.add(new ModelSpec.MotorSpec(a.string("name", null), joint, gear[0], limited, range, n.line()));
    }

    // ------------------------------------------------------------------ frames

    /** quat / euler (xyz, moving axes) / axisangle, at most one; normalised quaternion. */
    private double[] orientation(MjcfAttrs a) {
        int given = (a.has("quat") ? 1 : 0) + (a.has("euler") ? 1 : 0) + (a.has("axisangle") ? 1 : 0);
        if (given > 1) throw a.error("quat", "give at most one of quat, euler, axisangle");
        double[] q = UNIT_Q.clone();
        double scale = degree ? Math.PI / 180.0 : 1.0;
        if (a.has("quat")) {
            q = a.numbers("quat", 4, 4, null);
            double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
            if (n < 1e-10) throw a.error("quat", "must not be zero");
            for (int k = 0; k < 4; k++) q[k] /= n;
        } else if (a.has("axisangle")) {
            double[] aa = a.numbers("axisangle", 4, 4, null);
            double n = Math.sqrt(aa[0] * aa[0] + aa[1] * aa[1] + aa[2] * aa[2]);
            if (n < 1e-10) throw a.error("axisangle", "axis must not be zero");
            Quat.fromAxisAngle(q, 0, aa[0] / n, aa[1] / n, aa[2] / n, aa[3] * scale);
        } else if (a.has("euler")) {
            double[] e = a.numbers("euler", 3, 3, null);
            double[] t = new double[8];
            for (int k = 0; k < 3; k++) {
                // rotations about the moving x, y, z axes: post-multiply
                Quat.fromAxisAngle(t, 4, k == 0 ? 1 : 0, k == 1 ? 1 : 0, k == 2 ? 1 : 0, e[k] * scale);
                System.arraycopy(q, 0, t, 0, 4);
                Quat.mul(q, 0, t, 0, t, 4);
            }
            Quat.normalize(q, 0);
        }
        return q;
    }
}
