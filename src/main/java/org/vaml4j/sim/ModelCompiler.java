package org.vaml4j.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Turns a {@link ModelSpec} into a {@link Model} as MuJoCo 2.2's compiler does: geom masses and
 * inertias from density (or given mass), body inertial frames from their geoms (one geom: its
 * frame; several: combined inertia diagonalised), optional total-mass rescaling, tree addresses
 * for joints/dofs/geoms/sites, qpos0 and the actuator transmissions.
 */
final class ModelCompiler {

    private static final double MINVAL = 1e-15;

    private ModelCompiler() {}

    static Model compile(ModelSpec s) {
        Model m = new Model();
        m.name = s.name;
        m.opt = s.opt;
        m.integrator = Integrator.of(s.opt.integrator());
        m.solver = Solver.of(s.opt.solver());
        bodies(s, m);
        geoms(s, m);
        inertias(s, m);
        joints(s, m);
        sites(s, m);
        actuators(s, m);
        m.numeric = new LinkedHashMap<>(s.numeric);
        m.njmax = 0;
        for (int j = 0; j < m.njnt; j++) {
            if (m.jntLimited[j]) m.njmax += m.jntType[j] == JointType.BALL ? 1 : 2;
        }
        m.bodyImat = matrices(m.bodyIquat, m.nbody);
        m.geomMat = matrices(m.geomQuat, m.ngeom);
        m.siteMat = matrices(m.siteQuat, m.nsite);
        m.contactPairs = ContactPairs.of(m);
        m.njmax += m.contactPairs.maxRows;
        invweights(m);
        return m;
    }

    /** (n x 9) rotation matrices of (n x 4) quaternions. */
    private static double[] matrices(double[] quats, int n) {
        double[] mats = new double[9 * n];
        for (int i = 0; i < n; i++) Quat.toMat(mats, 9 * i, quats, 4 * i);
        return mats;
    }

    // ------------------------------------------------------------------ inverse weights at qpos0

    /**
     * dof_invweight0 = diagonal of M^-1 at qpos0 (mean over the translational and the rotational
     * dofs of free joints, over the three dofs of ball joints); body_invweight0 = mean diagonal of
     * the translational and rotational blocks of J M^-1 J' for the body's centre-of-mass Jacobian.
     */
    private static void invweights(Model m) {
        int nv = m.nv;
        m.dofInvweight0 = new double[nv];
        m.bodyInvweight0 = new double[2 * m.nbody];
        if (nv == 0) return;
        Data d = new Data(m);
        Smooth.kinematics(m, d);
        Smooth.comPos(m, d);
        MassMatrix.crb(m, d);
        MassMatrix.factorM(m, d);
        double trace = 0;
        for (int k = 0; k < nv; k++) trace += d.qM[k * nv + k];
        m.meanInertia = trace / nv;
        double[] minv = new double[nv * nv], col = new double[nv];
        for (int c = 0; c < nv; c++) {
            java.util.Arrays.fill(col, 0);
            col[c] = 1;
            MassMatrix.solve(m, d.qLD, col);
            for (int r = 0; r < nv; r++) minv[r * nv + c] = col[r];
        }
        for (int j = 0; j < m.njnt; j++) {
            int a = m.jntDofAdr[j];
            switch (m.jntType[j]) {
                case FREE -> {
                    double t = (minv[a * nv + a] + minv[(a + 1) * nv + a + 1] + minv[(a + 2) * nv + a + 2]) / 3;
                    double r = (minv[(a + 3) * nv + a + 3] + minv[(a + 4) * nv + a + 4] + minv[(a + 5) * nv + a + 5]) / 3;
                    for (int k = 0; k < 3; k++) {
                        m.dofInvweight0[a + k] = t;
                        m.dofInvweight0[a + 3 + k] = r;
                    }
                }
                case BALL -> {
                    double r = (minv[a * nv + a] + minv[(a + 1) * nv + a + 1] + minv[(a + 2) * nv + a + 2]) / 3;
                    for (int k = 0; k < 3; k++) m.dofInvweight0[a + k] = r;
                }
                case SLIDE, HINGE -> m.dofInvweight0[a] = minv[a * nv + a];
            }
        }
        double[] jac = new double[6 * nv];
        for (int b = 1; b < m.nbody; b++) {
            // rows 0-2: d(xipos)/dq, rows 3-5: angular velocity per dof
            java.util.Arrays.fill(jac, 0);
            int c = 3 * m.bodyRootId[b];
            double rx = d.xipos[3 * b] - d.subtreeCom[c], ry = d.xipos[3 * b + 1] - d.subtreeCom[c + 1],
                    rz = d.xipos[3 * b + 2] - d.subtreeCom[c + 2];
            for (int i = m.bodyLastDof[b]; i >= 0; i = m.dofParentId[i]) {
                double[] cd = d.cdof;
                int o = 6 * i;
                jac[i] = cd[o + 3] + cd[o + 1] * rz - cd[o + 2] * ry;
                jac[nv + i] = cd[o + 4] + cd[o + 2] * rx - cd[o] * rz;
                jac[2 * nv + i] = cd[o + 5] + cd[o] * ry - cd[o + 1] * rx;
                jac[3 * nv + i] = cd[o];
                jac[4 * nv + i] = cd[o + 1];
                jac[5 * nv + i] = cd[o + 2];
            }
            double tran = 0, rot = 0;
            for (int k = 0; k < 6; k++) {
                double s = 0;
                for (int p = 0; p < nv; p++) {
                    for (int q = 0; q < nv; q++) s += jac[k * nv + p] * minv[p * nv + q] * jac[k * nv + q];
                }
                if (k < 3) tran += s / 3;
                else rot += s / 3;
            }
            m.bodyInvweight0[2 * b] = tran;
            m.bodyInvweight0[2 * b + 1] = rot;
        }
    }

    // ------------------------------------------------------------------ bodies

    private static void bodies(ModelSpec s, Model m) {
        int nb = s.bodies.size();
        m.nbody = nb;
        m.bodyParentId = new int[nb];
        m.bodyRootId = new int[nb];
        m.bodyPos = new double[3 * nb];
        m.bodyQuat = new double[4 * nb];
        m.bodyName = new String[nb];
        for (int b = 0; b < nb; b++) {
            ModelSpec.BodySpec bs = s.bodies.get(b);
            m.bodyParentId[b] = bs.parent();
            m.bodyRootId[b] = b == 0 ? 0 : (bs.parent() == 0 ? b : m.bodyRootId[bs.parent()]);
            System.arraycopy(bs.pos(), 0, m.bodyPos, 3 * b, 3);
            System.arraycopy(bs.quat(), 0, m.bodyQuat, 4 * b, 4);
            m.bodyName[b] = bs.name();
        }
        checkUnique(s, "body", m.bodyName);
    }

    private static void geoms(ModelSpec s, Model m) {
        int ng = s.geoms.size();
        m.ngeom = ng;
        m.geomType = new GeomType[ng];
        m.geomBodyId = new int[ng];
        m.geomContype = new int[ng];
        m.geomConaffinity = new int[ng];
        m.geomCondim = new int[ng];
        m.geomSize = new double[3 * ng];
        m.geomPos = new double[3 * ng];
        m.geomQuat = new double[4 * ng];
        m.geomFriction = new double[3 * ng];
        m.geomMargin = new double[ng];
        m.geomSolref = new double[2 * ng];
        m.geomSolimp = new double[5 * ng];
        m.geomName = new String[ng];
        m.bodyGeomAdr = new int[m.nbody];
        m.bodyGeomNum = new int[m.nbody];
        java.util.Arrays.fill(m.bodyGeomAdr, -1);
        for (int g = 0; g < ng; g++) {
            ModelSpec.GeomSpec gs = s.geoms.get(g);
            int b = gs.body();
            m.geomType[g] = gs.type();
            m.geomBodyId[g] = b;
            m.geomContype[g] = gs.contype();
            m.geomConaffinity[g] = gs.conaffinity();
            m.geomCondim[g] = gs.condim();
            System.arraycopy(gs.size(), 0, m.geomSize, 3 * g, 3);
            System.arraycopy(gs.pos(), 0, m.geomPos, 3 * g, 3);
            System.arraycopy(gs.quat(), 0, m.geomQuat, 4 * g, 4);
            System.arraycopy(gs.friction(), 0, m.geomFriction, 3 * g, 3);
            m.geomMargin[g] = gs.margin();
            System.arraycopy(gs.solref(), 0, m.geomSolref, 2 * g, 2);
            System.arraycopy(gs.solimp(), 0, m.geomSolimp, 5 * g, 5);
            m.geomName[g] = gs.name();
            if (m.bodyGeomAdr[b] < 0) m.bodyGeomAdr[b] = g;
            m.bodyGeomNum[b]++;
        }
        checkUnique(s, "geom", m.geomName);
    }

    // ------------------------------------------------------------------ mass properties

    private static void inertias(ModelSpec s, Model m) {
        int nb = m.nbody;
        m.bodyMass = new double[nb];
        m.bodyInertia = new double[3 * nb];
        m.bodyIpos = new double[3 * nb];
        m.bodyIquat = new double[4 * nb];
        m.bodyIquat[0] = 1;
        for (int b = 1; b < nb; b++) {
            ModelSpec.BodySpec bs = s.bodies.get(b);
            boolean fromGeoms = s.inertiaFromGeom.equals("true") || (s.inertiaFromGeom.equals("auto") && bs.inertial() == null);
            double[] ipos = new double[3], iquat = {1, 0, 0, 0}, diag = new double[3];
            double mass = 0;
            if (fromGeoms) {
                List<ModelSpec.GeomSpec> gs = new ArrayList<>();
                for (ModelSpec.GeomSpec g : s.geoms) if (g.body() == b) gs.add(g);
                double[] masses = new double[gs.size()];
                List<double[]> diags = new ArrayList<>();
                for (int i = 0; i < gs.size(); i++) {
                    ModelSpec.GeomSpec g = gs.get(i);
                    masses[i] = Double.isNaN(g.mass()) ? g.density() * Inertia.volume(g.type(), g.size()) : g.mass();
                    diags.add(Inertia.diagonal(g.type(), g.size(), masses[i]));
                }
                if (gs.size() == 1) {
                    // one geom: the body's inertial frame is the geom frame
                    ModelSpec.GeomSpec g = gs.get(0);
                    ipos = g.pos().clone();
                    iquat = g.quat().clone();
                    mass = masses[0];
                    diag = diags.get(0);
                } else if (gs.size() > 1) {
                    for (double mi : masses) mass += mi;
                    if (mass < MINVAL) {
                        throw new IllegalArgumentException(s.source + ": line " + bs.line()
                                + ": body '" + bs.name() + "': geom masses too small to locate the centre of mass");
                    }
                    for (int i = 0; i < gs.size(); i++) {
                        for (int k = 0; k < 3; k++) ipos[k] += masses[i] * gs.get(i).pos()[k] / mass;
                    }
                    double[] full = new double[6];
                    for (int i = 0; i < gs.size(); i++) {
                        double[] dpos = new double[3];
                        for (int k = 0; k < 3; k++) dpos[k] = gs.get(i).pos()[k] - ipos[k];
                        Inertia.accumulate(full, diags.get(i), gs.get(i).quat(), masses[i], dpos);
                    }
                    Inertia.principal(full, diag, iquat);
                }
            } else if (bs.inertial() != null) {
                ipos = bs.inertial().pos().clone();
                iquat = bs.inertial().quat().clone();
                mass = bs.inertial().mass();
                diag = bs.inertial().diag().clone();
            }
            m.bodyMass[b] = mass;
            System.arraycopy(diag, 0, m.bodyInertia, 3 * b, 3);
            System.arraycopy(ipos, 0, m.bodyIpos, 3 * b, 3);
            System.arraycopy(iquat, 0, m.bodyIquat, 4 * b, 4);
        }
        if (s.setTotalMass > 0) {
            // scale masses and inertias so that they sum to the requested total
            double total = 0;
            for (double mb : m.bodyMass) total += mb;
            if (total > MINVAL) {
                double scale = s.setTotalMass / total;
                for (int b = 1; b < nb; b++) {
                    m.bodyMass[b] *= scale;
                    for (int k = 0; k < 3; k++) m.bodyInertia[3 * b + k] *= scale;
                }
            }
        }
        m.bodySubtreeMass = m.bodyMass.clone();
        for (int b = nb - 1; b > 0; b--) m.bodySubtreeMass[m.bodyParentId[b]] += m.bodySubtreeMass[b];
    }

    // ------------------------------------------------------------------ joints and dofs

    private static void joints(ModelSpec s, Model m) {
        int nj = s.joints.size(), nb = m.nbody;
        int nq = 0, nv = 0;
        for (ModelSpec.JointSpec j : s.joints) {
            nq += j.type().nq;
            nv += j.type().nv;
        }
        m.njnt = nj;
        m.nq = nq;
        m.nv = nv;
        m.jntType = new JointType[nj];
        m.jntBodyId = new int[nj];
        m.jntQposAdr = new int[nj];
        m.jntDofAdr = new int[nj];
        m.jntLimited = new boolean[nj];
        m.jntPos = new double[3 * nj];
        m.jntAxis = new double[3 * nj];
        m.jntRange = new double[2 * nj];
        m.jntStiffness = new double[nj];
        m.jntMargin = new double[nj];
        m.jntSolref = new double[2 * nj];
        m.jntSolimp = new double[5 * nj];
        m.jntName = new String[nj];
        m.dofBodyId = new int[nv];
        m.dofJntId = new int[nv];
        m.dofParentId = new int[nv];
        m.dofArmature = new double[nv];
        m.dofDamping = new double[nv];
        m.qpos0 = new double[nq];
        m.qposSpring = new double[nq];
        m.bodyJntAdr = new int[nb];
        m.bodyJntNum = new int[nb];
        m.bodyDofAdr = new int[nb];
        m.bodyDofNum = new int[nb];
        m.bodyLastDof = new int[nb];
        java.util.Arrays.fill(m.bodyJntAdr, -1);
        int qa = 0, da = 0;
        for (int j = 0; j < nj; j++) {
            ModelSpec.JointSpec js = s.joints.get(j);
            int b = js.body();
            m.jntType[j] = js.type();
            m.jntBodyId[j] = b;
            m.jntQposAdr[j] = qa;
            m.jntDofAdr[j] = da;
            m.jntLimited[j] = js.limited();
            System.arraycopy(js.pos(), 0, m.jntPos, 3 * j, 3);
            System.arraycopy(js.axis(), 0, m.jntAxis, 3 * j, 3);
            System.arraycopy(js.range(), 0, m.jntRange, 2 * j, 2);
            m.jntStiffness[j] = js.stiffness();
            m.jntMargin[j] = js.margin();
            System.arraycopy(js.solref(), 0, m.jntSolref, 2 * j, 2);
            System.arraycopy(js.solimp(), 0, m.jntSolimp, 5 * j, 5);
            m.jntName[j] = js.name();
            if (m.bodyJntAdr[b] < 0) m.bodyJntAdr[b] = j;
            m.bodyJntNum[b]++;
            switch (js.type()) {
                case FREE -> {
                    // qpos0 = the body's pose in the world
                    System.arraycopy(m.bodyPos, 3 * b, m.qpos0, qa, 3);
                    System.arraycopy(m.bodyQuat, 4 * b, m.qpos0, qa + 3, 4);
                    System.arraycopy(m.qpos0, qa, m.qposSpring, qa, 7);
                }
                case BALL -> {
                    m.qpos0[qa] = 1;
                    m.qposSpring[qa] = 1;
                }
                case SLIDE, HINGE -> {
                    m.qpos0[qa] = js.ref();
                    m.qposSpring[qa] = js.springref();
                }
            }
            for (int k = 0; k < js.type().nv; k++) {
                m.dofBodyId[da + k] = b;
                m.dofJntId[da + k] = j;
                m.dofArmature[da + k] = js.armature();
                m.dofDamping[da + k] = js.damping();
            }
            qa += js.type().nq;
            da += js.type().nv;
        }
        checkUnique(s, "joint", m.jntName);
        // dof tree: a dof's parent is the previous dof of its body, else the last dof of an ancestor
        int dof = 0;
        for (int b = 0; b < nb; b++) {
            m.bodyDofAdr[b] = dof;
            int n = 0;
            for (int j = 0; j < nj; j++) if (m.jntBodyId[j] == b) n += m.jntType[j].nv;
            m.bodyDofNum[b] = n;
            int parentLast = b == 0 ? -1 : m.bodyLastDof[m.bodyParentId[b]];
            for (int k = 0; k < n; k++) m.dofParentId[dof + k] = k == 0 ? parentLast : dof + k - 1;
            m.bodyLastDof[b] = n > 0 ? dof + n - 1 : parentLast;
            dof += n;
        }
        for (int b = 0; b < nb; b++) if (m.bodyJntAdr[b] < 0) m.bodyJntAdr[b] = 0;
        m.hasDofDamping = false;
        for (double dmp : m.dofDamping) if (dmp > 0) m.hasDofDamping = true;
        for (int b = 1; b < nb; b++) {
            if (m.bodyDofNum[b] > 0 && m.bodyMass[b] < MINVAL && m.bodySubtreeMass[b] < MINVAL) {
                ModelSpec.BodySpec bs = s.bodies.get(b);
                throw new IllegalArgumentException(s.source + ": line " + bs.line() + ": body '" + bs.name()
                        + "' moves but has no mass in its subtree (give it a geom with volume or an <inertial>)");
            }
        }
    }

    private static void sites(ModelSpec s, Model m) {
        int ns = s.sites.size();
        m.nsite = ns;
        m.siteBodyId = new int[ns];
        m.sitePos = new double[3 * ns];
        m.siteQuat = new double[4 * ns];
        m.siteName = new String[ns];
        for (int i = 0; i < ns; i++) {
            ModelSpec.SiteSpec ss = s.sites.get(i);
            m.siteBodyId[i] = ss.body();
            System.arraycopy(ss.pos(), 0, m.sitePos, 3 * i, 3);
            System.arraycopy(ss.quat(), 0, m.siteQuat, 4 * i, 4);
            m.siteName[i] = ss.name();
        }
        checkUnique(s, "site", m.siteName);
    }

    private static void actuators(ModelSpec s, Model m) {
        int nu = s.motors.size();
        m.nu = nu;
        m.actuatorTrnId = new int[nu];
        m.actuatorGear = new double[nu];
        m.actuatorCtrlLimited = new boolean[nu];
        m.actuatorCtrlRange = new double[2 * nu];
        m.actuatorName = new String[nu];
        for (int a = 0; a < nu; a++) {
            ModelSpec.MotorSpec ms = s.motors.get(a);
            int j = -1;
            for (int k = 0; k < m.njnt; k++) if (ms.joint().equals(m.jntName[k])) j = k;
            if (j < 0) {
                throw new IllegalArgumentException(s.source + ": line " + ms.line() + ": <motor> attribute 'joint': no joint named '"
                        + ms.joint() + "'; joints: " + java.util.Arrays.toString(m.jntName));
            }
            if (m.jntType[j] != JointType.HINGE && m.jntType[j] != JointType.SLIDE) {
                throw new IllegalArgumentException(s.source + ": line " + ms.line() + ": <motor> attribute 'joint': '"
                        + ms.joint() + "' is a " + m.jntType[j] + " joint; motors drive hinge and slide joints only");
            }
            m.actuatorTrnId[a] = j;
            m.actuatorGear[a] = ms.gear();
            m.actuatorCtrlLimited[a] = ms.ctrlLimited();
            System.arraycopy(ms.ctrlRange(), 0, m.actuatorCtrlRange, 2 * a, 2);
            m.actuatorName[a] = ms.name();
        }
        checkUnique(s, "actuator", m.actuatorName);
    }

    private static void checkUnique(ModelSpec s, String kind, String[] names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (n != null && !seen.add(n)) {
                throw new IllegalArgumentException(s.source + ": two " + kind + "s are named '" + n + "'");
            }
        }
    }
}
