package org.vaml4j.sim;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;

/**
 * A compiled model, constant during simulation (MuJoCo's {@code mjModel}): struct-of-arrays in
 * MuJoCo's vocabulary, one array per property, indexed by body, joint, dof, geom, site or
 * actuator id. Shapes are given as {@code (n x k)} for flat row-major arrays. Built only by
 * {@link ModelCompiler}; the stages of this package read the fields directly and never write them,
 * other packages use the accessors.
 *
 * <p>Tree layout: body 0 is the world; {@code bodyParentId[b] < b}; joints, dofs, geoms and sites
 * of a body are contiguous and ordered by body.
 */
public final class Model {

    // ---- sizes ----
    String name;
    int nq, nv, nu, nbody, njnt, ngeom, nsite;
    Option opt;
    /** the integrator chosen by opt.integrator */
    Integrator integrator;
    /** the constraint solver chosen by opt.solver */
    Solver solver;
    /** mean diagonal of the joint-space inertia at qpos0 (MuJoCo's stat.meaninertia): the solvers' cost scale */
    double meanInertia = 1;
    /** whether any dof has damping (selects the implicit-damping Euler path) */
    boolean hasDofDamping;

    // ---- bodies ----
    /** (nbody) parent body id; -1 for the world */
    int[] bodyParentId;
    /** (nbody) the child of the world this body descends from (0 for the world) */
    int[] bodyRootId;
    /** (nbody) first joint id and joint count */
    int[] bodyJntAdr, bodyJntNum;
    /** (nbody) first dof id and dof count */
    int[] bodyDofAdr, bodyDofNum;
    /** (nbody) the last dof of the body or of its nearest ancestor with dofs; -1 if none */
    int[] bodyLastDof;
    /** (nbody) first geom id and geom count */
    int[] bodyGeomAdr, bodyGeomNum;
    /** (nbody x 3) frame position in the parent frame */
    double[] bodyPos;
    /** (nbody x 4) frame orientation in the parent frame */
    double[] bodyQuat;
    /** (nbody x 3) centre of mass in the body frame */
    double[] bodyIpos;
    /** (nbody x 4) principal inertia frame relative to the body frame */
    double[] bodyIquat;
    /** (nbody) mass */
    double[] bodyMass;
    /** (nbody x 3) principal moments of inertia about the centre of mass */
    double[] bodyInertia;
    /** (nbody) total mass of the body's subtree */
    double[] bodySubtreeMass;
    /** (nbody x 9) R(bodyIquat), (ngeom x 9) R(geomQuat), (nsite x 9) R(siteQuat): local frames as matrices */
    double[] bodyImat, geomMat, siteMat;

    // ---- joints ----
    /** (njnt) */
    JointType[] jntType;
    /** (njnt) owning body, first qpos address, first dof address */
    int[] jntBodyId, jntQposAdr, jntDofAdr;
    /** (njnt) whether the range is enforced (by a constraint stage) */
    boolean[] jntLimited;
    /** (njnt x 3) anchor in the body frame; (njnt x 3) unit axis in the body frame */
    double[] jntPos, jntAxis;
    /** (njnt x 2) lower, upper limit (radians for hinges) */
    double[] jntRange;
    /** (njnt) spring stiffness towards qposSpring; limit margin */
    double[] jntStiffness, jntMargin;
    /** (njnt x 2) limit solref; (njnt x 5) limit solimp */
    double[] jntSolref, jntSolimp;

    // ---- dofs ----
    /** (nv) owning body, owning joint, parent dof in the tree (-1 at a root) */
    int[] dofBodyId, dofJntId, dofParentId;
    /** (nv) rotor inertia added to the diagonal of qM; viscous damping coefficient */
    double[] dofArmature, dofDamping;
    /** (nv) inverse joint-space inertia at qpos0 (diagonal of M^-1; averaged for ball/free), scales constraint softness */
    double[] dofInvweight0;
    /** (nbody x 2) mean translational and rotational inverse inertia of each body at qpos0 */
    double[] bodyInvweight0;
    /** capacity of the constraint rows in Data (2 per limited hinge/slide, 1 per limited ball, contact rows) */
    int njmax;
    /** the geom pairs that may collide and their combined contact parameters */
    ContactPairs contactPairs;

    // ---- geoms ----
    GeomType[] geomType;
    /** (ngeom) owning body, contact type and affinity bits, contact dimensionality */
    int[] geomBodyId, geomContype, geomConaffinity, geomCondim;
    /** (ngeom x 3) sizes; (ngeom x 3) position in the body frame; (ngeom x 4) orientation */
    double[] geomSize, geomPos, geomQuat;
    /** (ngeom x 3) sliding, torsional, rolling friction; (ngeom) margin */
    double[] geomFriction, geomMargin;
    /** (ngeom x 2) contact solref; (ngeom x 5) contact solimp */
    double[] geomSolref, geomSolimp;

    // ---- sites ----
    /** (nsite) owning body */
    int[] siteBodyId;
    /** (nsite x 3) position, (nsite x 4) orientation in the body frame */
    double[] sitePos, siteQuat;

    // ---- actuators (motors with joint transmission) ----
    /** (nu) driven joint */
    int[] actuatorTrnId;
    /** (nu) gear: joint force = gear * ctrl */
    double[] actuatorGear;
    /** (nu) whether ctrl is clamped to ctrlRange */
    boolean[] actuatorCtrlLimited;
    /** (nu x 2) ctrl range */
    double[] actuatorCtrlRange;

    // ---- defaults of the state ----
    /** (nq) reference configuration (joint ref values; free joints: body pose) */
    double[] qpos0;
    /** (nq) spring reference configuration */
    double[] qposSpring;

    // ---- names ----
    String[] bodyName, jntName, geomName, siteName, actuatorName;
    Map<String, double[]> numeric;

    Model() {}

    // ---- public read-only view ----

    public String name() { return name; }
    public int nq() { return nq; }
    public int nv() { return nv; }
    public int nu() { return nu; }
    public int nbody() { return nbody; }
    public int njnt() { return njnt; }
    public int ngeom() { return ngeom; }
    public int nsite() { return nsite; }
    public Option opt() { return opt; }
    public double timestep() { return opt.timestep(); }

    /** (nq) copy of the reference configuration. */
    public double[] qpos0() { return qpos0.clone(); }

    public double bodyMass(int b) { return bodyMass[b]; }

    /** Copy of body b's {@code (3)} principal inertia. */
    public double[] bodyInertia(int b) { return Arrays.copyOfRange(bodyInertia, 3 * b, 3 * b + 3); }

    /** Copy of body b's {@code (3)} centre of mass in its frame. */
    public double[] bodyIpos(int b) { return Arrays.copyOfRange(bodyIpos, 3 * b, 3 * b + 3); }

    /** Copy of body b's {@code (3)} frame position in its parent. */
    public double[] bodyPos(int b) { return Arrays.copyOfRange(bodyPos, 3 * b, 3 * b + 3); }

    public int bodyParentId(int b) { return bodyParentId[b]; }

    public JointType jntType(int j) { return jntType[j]; }

    public int jntQposAdr(int j) { return jntQposAdr[j]; }

    /** The body joint j moves. */
    public int jntBodyId(int j) { return jntBodyId[j]; }

    public int jntDofAdr(int j) { return jntDofAdr[j]; }

    public boolean jntLimited(int j) { return jntLimited[j]; }

    /** Copy of joint j's {@code (2)} range. */
    public double[] jntRange(int j) { return Arrays.copyOfRange(jntRange, 2 * j, 2 * j + 2); }

    public double dofArmature(int i) { return dofArmature[i]; }

    public double dofDamping(int i) { return dofDamping[i]; }

    public double jntStiffness(int j) { return jntStiffness[j]; }

    public int actuatorTrnId(int a) { return actuatorTrnId[a]; }

    public double actuatorGear(int a) { return actuatorGear[a]; }

    public double ctrlLow(int a) { return actuatorCtrlRange[2 * a]; }

    public double ctrlHigh(int a) { return actuatorCtrlRange[2 * a + 1]; }

    public GeomType geomType(int g) { return geomType[g]; }

    /** The body geom g is attached to. */
    public int geomBodyId(int g) { return geomBodyId[g]; }

    /** Copy of geom g's {@code (3)} size values ({@link GeomType} says which are used). */
    public double[] geomSize(int g) { return Arrays.copyOfRange(geomSize, 3 * g, 3 * g + 3); }

    /** Geom g's name ("" when the model gives none). */
    public String geomName(int g) { return geomName[g] == null ? "" : geomName[g]; }

    /** Body b's name ("world" for body 0; "" when the model gives none). */
    public String bodyName(int b) { return bodyName[b] == null ? "" : bodyName[b]; }

    public double totalMass() {
        double s = 0;
        for (double m : bodyMass) s += m;
        return s;
    }

    /** Body id by name; IllegalArgumentException listing the names when missing. */
    public int bodyId(String n) { return find("body", bodyName, n); }

    public int jointId(String n) { return find("joint", jntName, n); }

    public int geomId(String n) { return find("geom", geomName, n); }

    public int siteId(String n) { return find("site", siteName, n); }

    public int actuatorId(String n) { return find("actuator", actuatorName, n); }

    /** The {@code <custom><numeric>} values by name (unmodifiable). */
    public Map<String, double[]> numeric() { return Collections.unmodifiableMap(numeric); }

    private int find(String kind, String[] names, String n) {
        for (int i = 0; i < names.length; i++) if (n.equals(names[i])) return i;
        throw new IllegalArgumentException("model '" + name + "' has no " + kind + " named '" + n
                + "'; " + kind + "s: " + Arrays.toString(names));
    }
}
