package org.vaml4j.nn;

import java.util.random.RandomGenerator;
import org.vaml4j.random.Gaussian;

/**
 * Orthogonal initialisation (Saxe et al. 2014), as pytorch_sac, the SAC implementation MBPO ran,
 * initialises its actor and critics: the (fanIn x fanOut) matrix has orthonormal rows (when
 * fanIn ≤ fanOut) or orthonormal columns (otherwise), times {@code gain}.
 *
 * <p>Drawn as Q of the QR factorisation of a Gaussian matrix with the signs of R's diagonal
 * folded into Q (so Q is Haar-distributed); QR by modified Gram-Schmidt in double.
 */
public record OrthogonalInit(double gain) implements WeightInit {

    public OrthogonalInit {
        if (!(gain > 0) || !Double.isFinite(gain)) throw new IllegalArgumentException("orthogonal init: gain must be > 0, got " + gain);
    }

    @Override
    public void fill(float[] w, int off, int fanIn, int fanOut, RandomGenerator rng) {
        // orthonormalise the `small` vectors of length `big` (rows or columns of W)
        int small = Math.min(fanIn, fanOut), big = Math.max(fanIn, fanOut);
        double[][] q = new double[small][big];
        for (double[] v : q) for (int j = 0; j < big; j++) v[j] = Gaussian.next(rng);
        for (int i = 0; i < small; i++) {
            for (int p = 0; p < i; p++) {
                double d = 0;
                for (int j = 0; j < big; j++) d += q[i][j] * q[p][j];
                for (int j = 0; j < big; j++) q[i][j] -= d * q[p][j];
            }
            double n = 0;
            for (int j = 0; j < big; j++) n += q[i][j] * q[i][j];
            n = Math.sqrt(n);
            // r_ii = n > 0 after Gram-Schmidt, so the sign correction is already folded in
            for (int j = 0; j < big; j++) q[i][j] /= n;
        }
        for (int r = 0; r < fanIn; r++) {
            for (int c = 0; c < fanOut; c++) {
                double v = fanIn <= fanOut ? q[r][c] : q[c][r];
                w[off + r * fanOut + c] = (float) (gain * v);
            }
        }
    }

    @Override public String name() { return "orthogonal"; }
}
