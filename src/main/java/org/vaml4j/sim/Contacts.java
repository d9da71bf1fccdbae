package org.vaml4j.sim;

/**
 * The active contacts of a state (MuJoCo's {@code mjData.contact} array) as struct-of-arrays with
 * a fixed capacity ({@link ContactPairs#maxContacts}), so collision detection allocates nothing.
 * Contact i lies between geoms {@code geom1[i]} and {@code geom2[i]} (geom1's type &lt;= geom2's
 * type); its frame's first row is the normal, pointing from geom1 to geom2.
 */
public final class Contacts {

    /** number of contacts found by the last collision stage */
    public int ncon;
    /** (cap) distance between the surfaces (negative = penetration) */
    public final double[] dist;
    /** (cap x 3) contact point, world: midway between the two surfaces */
    public final double[] pos;
    /** (cap x 9) rows: normal, tangent 1, tangent 2 (world) */
    public final double[] frame;
    /** (cap) margin - gap: the row is active below this distance */
    public final double[] includeMargin;
    /** (cap x 5) tangent1, tangent2, spin, roll1, roll2 friction */
    public final double[] friction;
    /** (cap x 2), (cap x 5) combined solref / solimp */
    public final double[] solref, solimp;
    /** (cap) contact dimensionality 1 or 3 (rows: 1 or 4 pyramid edges) */
    public final int[] dim;
    /** (cap) geoms and the first constraint row of the contact (-1 if none) */
    public final int[] geom1, geom2, efcAddress;
    /** (3 x nv) scratch of {@link ContactConstraint}: frame-rotated Jacobian difference */
    final double[] jacDif;

    Contacts(int capacity, int nv) {
        jacDif = new double[3 * nv];
        dist = new double[capacity];
        pos = new double[3 * capacity];
        frame = new double[9 * capacity];
        includeMargin = new double[capacity];
        friction = new double[5 * capacity];
        solref = new double[2 * capacity];
        solimp = new double[5 * capacity];
        dim = new int[capacity];
        geom1 = new int[capacity];
        geom2 = new int[capacity];
        efcAddress = new int[capacity];
    }

    /** Capacity (the most contacts the model's pairs can produce at once). */
    public int capacity() {
        return dist.length;
    }
}
