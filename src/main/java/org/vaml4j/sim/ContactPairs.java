package org.vaml4j.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The geom pairs that may collide, found once at compile time, with their contact parameters
 * combined as MuJoCo 2.2's {@code mj_collideGeoms} does for dynamic pairs of equal priority:
 * <pre>
 *   condim = max, friction = element-wise max (then unpacked to 5-D: t1 = t2 = slide, spin,
 *   roll1 = roll2 = roll), margin = max, solref / solimp = average (solmix 1 each), gap 0.
 * </pre>
 * Filtering (MuJoCo's {@code mj_contactFilter}): a pair is kept when
 * {@code (contype1 & conaffinity2) || (contype2 & conaffinity1)}, the two geoms belong to
 * different weld groups (a body without joints is welded to its parent) and neither weld group is
 * the other's parent, unless that parent is the world. With {@code <option collision="predefined">}
 * and no {@code <pair>} elements (the loader has none) there are no pairs. Within a pair geom1's type
 * precedes geom2's in {@link GeomType} order (MuJoCo's order), so contact normals point from geom1 to geom2.
 */
final class ContactPairs {

    /** MuJoCo's minimum friction coefficient (mjMINMU). */
    private static final double MINMU = 1e-5;

    /** number of candidate pairs */
    final int npair;
    /** (npair) the two geoms */
    final int[] geom1, geom2;
    /** (npair) contact dimensionality, margin */
    final int[] condim;
    final double[] margin;
    /** (npair x 5) friction; (npair x 2) solref; (npair x 5) solimp */
    final double[] friction, solref, solimp;
    /** (ngeom) bounding-sphere radius about the geom centre (0 for planes: unbounded) */
    final double[] rbound;
    /** most contacts all pairs can produce at once; most constraint rows they can need */
    final int maxContacts, maxRows;

    private ContactPairs(List<int[]> pairs, Model m) {
        npair = pairs.size();
        geom1 = new int[npair];
        geom2 = new int[npair];
        condim = new int[npair];
        margin = new double[npair];
        friction = new double[5 * npair];
        solref = new double[2 * npair];
        solimp = new double[5 * npair];
        rbound = new double[m.ngeom];
        for (int g = 0; g < m.ngeom; g++) rbound[g] = boundingRadius(m.geomType[g], m.geomSize, 3 * g);
        int nc = 0, nr = 0;
        for (int p = 0; p < npair; p++) {
            int g1 = pairs.get(p)[0], g2 = pairs.get(p)[1];
            geom1[p] = g1;
            geom2[p] = g2;
            condim[p] = Math.max(m.geomCondim[g1], m.geomCondim[g2]);
            margin[p] = Math.max(m.geomMargin[g1], m.geomMargin[g2]);
            double slide = Math.max(m.geomFriction[3 * g1], m.geomFriction[3 * g2]);
            double spin = Math.max(m.geomFriction[3 * g1 + 1], m.geomFriction[3 * g2 + 1]);
            double roll = Math.max(m.geomFriction[3 * g1 + 2], m.geomFriction[3 * g2 + 2]);
            double[] f = {slide, slide, spin, roll, roll};
            for (int k = 0; k < 5; k++) friction[5 * p + k] = Math.max(MINMU, f[k]);
            boolean standard = m.geomSolref[2 * g1] > 0 && m.geomSolref[2 * g2] > 0;
            for (int k = 0; k < 2; k++) {
                double a = m.geomSolref[2 * g1 + k], b = m.geomSolref[2 * g2 + k];
                // standard format: mix (solmix 1 and 1 -> average); direct format: min
                solref[2 * p + k] = standard ? 0.5 * a + 0.5 * b : Math.min(a, b);
            }
            for (int k = 0; k < 5; k++) {
                solimp[5 * p + k] = 0.5 * m.geomSolimp[5 * g1 + k] + 0.5 * m.geomSolimp[5 * g2 + k];
            }
            int n = Collision.maxContacts(m.geomType[g1], m.geomType[g2]);
            nc += n;
            nr += n * (condim[p] == 1 ? 1 : 2 * (condim[p] - 1));
        }
        maxContacts = nc;
        maxRows = nr;
    }

    /** The candidate pairs of {@code m} (its geoms, bodies, joints and options must be compiled). */
    static ContactPairs of(Model m) {
        List<int[]> pairs = new ArrayList<>();
        if (m.opt.collision() != Option.CollisionMode.PREDEFINED) {
            int[] weld = weldIds(m);
            for (int a = 0; a < m.ngeom; a++) {
                for (int b = a + 1; b < m.ngeom; b++) {
                    int g1 = a, g2 = b;
                    if (m.geomType[g1].ordinal() > m.geomType[g2].ordinal()) { g1 = b; g2 = a; }
                    if (filtered(m, weld, g1, g2)) continue;
                    if (!Collision.supports(m.geomType[g1], m.geomType[g2])) {
                        throw new IllegalArgumentException("model '" + m.name + "': no collision function for geoms '"
                                + m.geomName[g1] + "' (" + m.geomType[g1] + ") and '" + m.geomName[g2] + "' ("
                                + m.geomType[g2] + "); supported pairs: " + Collision.SUPPORTED);
                    }
                    pairs.add(new int[] {g1, g2});
                }
            }
        }
        return new ContactPairs(pairs, m);
    }

    /** body_weldid: a body with joints is its own weld group, a body without joints joins its parent's. */
    static int[] weldIds(Model m) {
        int[] weld = new int[m.nbody];
        for (int b = 1; b < m.nbody; b++) weld[b] = m.bodyJntNum[b] > 0 ? b : weld[m.bodyParentId[b]];
        return weld;
    }

    /** MuJoCo's mj_contactFilter with filterparent enabled. */
    private static boolean filtered(Model m, int[] weld, int g1, int g2) {
        if ((m.geomContype[g1] & m.geomConaffinity[g2]) == 0 && (m.geomContype[g2] & m.geomConaffinity[g1]) == 0) {
            return true;
        }
        int w1 = weld[m.geomBodyId[g1]], w2 = weld[m.geomBodyId[g2]];
        if (w1 == w2) return true;
        int p1 = weld[Math.max(0, m.bodyParentId[w1])], p2 = weld[Math.max(0, m.bodyParentId[w2])];
        return w1 != 0 && w2 != 0 && (w1 == p2 || w2 == p1);
    }

    /** geom_rbound: radius of the smallest centred sphere holding the geom (0 = unbounded plane). */
    static double boundingRadius(GeomType t, double[] size, int o) {
        return switch (t) {
            case PLANE -> 0;
            case SPHERE -> size[o];
            case CAPSULE -> size[o] + size[o + 1];
            case CYLINDER -> Math.sqrt(size[o] * size[o] + size[o + 1] * size[o + 1]);
            case ELLIPSOID -> Math.max(size[o], Math.max(size[o + 1], size[o + 2]));
            case BOX -> Math.sqrt(size[o] * size[o] + size[o + 1] * size[o + 1] + size[o + 2] * size[o + 2]);
        };
    }
}
