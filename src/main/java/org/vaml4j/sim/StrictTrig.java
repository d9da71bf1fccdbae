package org.vaml4j.sim;

/**
 * {@code StrictMath.sin} and {@code StrictMath.cos}, bit for bit, without allocation.
 *
 * <p>Why: since JDK 21 StrictMath's trigonometry is a Java port of fdlibm that allocates scratch
 * arrays on every call (about 32 to 72 bytes; C2's escape analysis cannot remove them), so on
 * JDK 25 each hinge joint made the simulator step allocate. This class computes the same fdlibm
 * algorithm on local variables: the same polynomials on [-pi/4, pi/4] and the same Cody-Waite
 * reduction x = n pi/2 + (y0 + y1) with pi/2 split into 33-bit pieces, so every result equals
 * StrictMath's (the JDK 17 native fdlibm and the JDK 25 port agree bit for bit). Arguments beyond
 * 2^19 pi/2, which need fdlibm's multi-word reduction, are handed to StrictMath itself.
 */
final class StrictTrig {

    /** sin(x) ~ x + S1 x^3 + ... + S6 x^13 on [-pi/4, pi/4] (fdlibm's minimax coefficients). */
    private static final double S1 = -0x1.5555555555549p-3, S2 = 0x1.111111110f8a6p-7,
            S3 = -0x1.a01a019c161d5p-13, S4 = 0x1.71de357b1fe7dp-19,
            S5 = -0x1.ae5e68a2b9cebp-26, S6 = 0x1.5d93a5acfd57cp-33;
    /** cos(x) ~ 1 - x^2/2 + C1 x^4 + ... + C6 x^14 on [-pi/4, pi/4]. */
    private static final double C1 = 0x1.555555555554cp-5, C2 = -0x1.6c16c16c15177p-10,
            C3 = 0x1.a01a019cb159p-16, C4 = -0x1.27e4f809c52adp-22,
            C5 = 0x1.1ee9ebdb4b1c4p-29, C6 = -0x1.8fae9be8838d4p-37;
    /** 2/pi; pi/2 = P1 + P2 + P3 + P3T in 33-bit pieces, PkT = pi/2 - (P1 + ... + Pk). */
    private static final double INV_PIO2 = 0x1.45f306dc9c883p-1,
            P1 = 0x1.921fb544p0, P1T = 0x1.0b4611a626331p-34,
            P2 = 0x1.0b4611a6p-34, P2T = 0x1.3198a2e037073p-69,
            P3 = 0x1.3198a2ep-69, P3T = 0x1.b839a252049c1p-104;
    /** High words of n pi/2, n = 1..32: an argument sharing one may cancel in the first reduction. */
    private static final int[] NPIO2_HIGH = new int[32];

    static {
        for (int n = 1; n <= 32; n++) NPIO2_HIGH[n - 1] = highWord(n * (Math.PI / 2));
    }

    private StrictTrig() {}

    /** Equals {@code StrictMath.sin(x)}. */
    static double sin(double x) {
        return sinQuarterTurns(x, 0);
    }

    /** Equals {@code StrictMath.cos(x)}: cos(x) = sin(x + pi/2), one quarter turn on. */
    static double cos(double x) {
        return sinQuarterTurns(x, 1);
    }

    /** sin(x + turns pi/2) for turns 0 (sin) or 1 (cos), the way fdlibm evaluates them. */
    private static double sinQuarterTurns(double x, int turns) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix <= 0x3fe921fb) return turns == 0 ? kernelSin(x, 0, false) : kernelCos(x, 0); // |x| <~ pi/4
        if (ix >= 0x7ff00000) return x - x; // Inf or NaN -> NaN
        if (ix > 0x413921fb) return turns == 0 ? StrictMath.sin(x) : StrictMath.cos(x); // |x| > 2^19 pi/2
        // |x| = n pi/2 + (y0 + y1), reduced on |x| (rounding is symmetric, so -x gives -y, -n)
        double t = Math.abs(x), y0, y1;
        int n;
        if (ix < 0x4002d97c) { // |x| < 3pi/4: n = 1
            n = 1;
            double z = t - P1;
            if (ix != 0x3ff921fb) {
                y0 = z - P1T;
                y1 = (z - y0) - P1T;
            } else { // near pi/2: one more piece of pi/2
                z -= P2;
                y0 = z - P2T;
                y1 = (z - y0) - P2T;
            }
        } else {
            n = (int) (t * INV_PIO2 + 0.5);
            double fn = n, r = t - fn * P1, w = fn * P1T; // good to 85 bits
            y0 = r - w;
            if (n >= 32 || ix == NPIO2_HIGH[n - 1]) {
                // x close to n pi/2: if y0 lost more than 16 (then 49) bits, subtract the next piece
                int exponent = ix >> 20;
                if (exponent - exponentOf(y0) > 16) {
                    double r0 = r;
                    w = fn * P2;
                    r = r0 - w;
                    w = fn * P2T - ((r0 - r) - w);
                    y0 = r - w;
                    if (exponent - exponentOf(y0) > 49) {
                        r0 = r;
                        w = fn * P3;
                        r = r0 - w;
                        w = fn * P3T - ((r0 - r) - w);
                        y0 = r - w;
                    }
                }
            }
            y1 = (r - y0) - w;
        }
        if (x < 0) {
            y0 = -y0;
            y1 = -y1;
            n = -n;
        }
        // sin(y + n pi/2) by quadrant: S, C, -S, -C
        return switch ((n + turns) & 3) {
            case 0 -> kernelSin(y0, y1, true);
            case 1 -> kernelCos(y0, y1);
            case 2 -> -kernelSin(y0, y1, true);
            default -> -kernelCos(y0, y1);
        };
    }

    /**
     * sin(x + y) for |x| <~ pi/4 and a tail |y| << |x|: sin(x) = x + x^3 (S1 + x^2 r) with
     * r = S2 + ... + S6 x^8, and sin(x + y) ~ sin(x) + (1 - x^2/2) y when there is a tail.
     */
    private static double kernelSin(double x, double y, boolean hasTail) {
        if ((highWord(x) & 0x7fffffff) < 0x3e400000) return x; // |x| < 2^-27: sin x = x in double
        double z = x * x, v = z * x;
        double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return hasTail ? x - ((z * (0.5 * y - v * r) - y) - v * S1) : x + v * (S1 + z * r);
    }

    /**
     * cos(x + y) for |x| <~ pi/4: 1 - (x^2/2 - (x^2 r - x y)) with r = C1 x^2 + ... + C6 x^12;
     * above |x| = 0.3 an exact qx ~ x^2/8 is taken off both terms to keep the subtraction accurate.
     */
    private static double kernelCos(double x, double y) {
        int ix = highWord(x) & 0x7fffffff;
        if (ix < 0x3e400000) return 1.0; // |x| < 2^-27: cos x = 1 in double
        double z = x * x;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        if (ix < 0x3fd33333) return 1.0 - (0.5 * z - (z * r - x * y));
        double qx = ix > 0x3fe90000 ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x00200000) << 32);
        return (1.0 - qx) - ((0.5 * z - qx) - (z * r - x * y));
    }

    /** The upper 32 bits of x: sign, biased exponent and the top 20 mantissa bits. */
    private static int highWord(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    /** The biased exponent of x. */
    private static int exponentOf(double x) {
        return (highWord(x) >> 20) & 0x7ff;
    }
}
