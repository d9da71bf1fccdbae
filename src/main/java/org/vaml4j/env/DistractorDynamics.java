package org.vaml4j.env;

import java.util.random.RandomGenerator;
import org.vaml4j.random.Gaussian;

/**
 * The distractor system of VaGraM (Voelcker et al. 2022, App. E eq. 18), followed as the paper
 * states it (the released code differs, see {@code anchors/research.md} §B.8):
 *
 * <pre>
 *   f(s) = s + sin(A s)   if |f(s)| &lt; 20
 *        = s0             otherwise
 * </pre>
 *
 * A (k x k) has entries ~ N(0, 10) and s0 (k) entries ~ N(0, 0.1), both drawn once and fixed
 * (s0 is also the state at every reset: "we do not resample the fixed components at reset").
 * Decisions where the paper is ambiguous: N(0, σ) is read with σ the <b>standard deviation</b>
 * (the numpy-style notation; the paper's code draws both with scale 10 and 0.1); |f| is the
 * max-norm, i.e. the whole vector is reset to s0 as soon as any component reaches ±20 (the
 * paper resets the vector; 20 is the code's per-component threshold).
 */
public final class DistractorDynamics {

    /** Components at or beyond this magnitude reset the state. */
    public static final double BOUND = 20.0;
    /** Standard deviations of A's entries and of s0's entries. */
    public static final double A_STD = 10.0, S0_STD = 0.1;

    private final int k;
    private final double[] a;  // (k x k) row-major
    private final double[] s0; // (k)
    private final double[] f;  // (k) scratch

    /** Draws A and s0 from {@code rng}. */
    public DistractorDynamics(int k, RandomGenerator rng) {
        this(k, gaussian(rng, k * k, A_STD), gaussian(rng, k, S0_STD));
    }

    /** Given A (k x k, row-major) and s0 (k). */
    public DistractorDynamics(int k, double[] a, double[] s0) {
        if (k < 1) throw new IllegalArgumentException("distractor: dims must be >= 1, got " + k);
        if (a.length != k * k || s0.length != k) {
            throw new IllegalArgumentException("distractor: A must be " + k + " x " + k + " and s0 " + k + " long");
        }
        this.k = k;
        this.a = a.clone();
        this.s0 = s0.clone();
        this.f = new double[k];
    }

    public int dims() { return k; }

    /** A copy of A (k x k, row-major). */
    public double[] matrix() { return a.clone(); }

    /** A copy of s0 (k). */
    public double[] initialState() { return s0.clone(); }

    /**
     * One transition of the distractor state, in place.
     *
     * @param s   the state vector
     * @param off offset of the k components in {@code s}
     */
    public void step(double[] s, int off) {
        // f = s + sin(A s)
        boolean inside = true;
        for (int i = 0; i < k; i++) {
            double z = 0;
            for (int j = 0; j < k; j++) z += a[i * k + j] * s[off + j];
            f[i] = s[off + i] + StrictMath.sin(z);
            inside &= Math.abs(f[i]) < BOUND;
        }
        System.arraycopy(inside ? f : s0, 0, s, off, k);
    }

    private static double[] gaussian(RandomGenerator rng, int n, double std) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = std * Gaussian.next(rng);
        return x;
    }
}
