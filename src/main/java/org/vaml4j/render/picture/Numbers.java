package org.vaml4j.render.picture;

/** Short decimal text for coordinates: at most {@code digits} decimals, no trailing zeros, no "-0". */
public final class Numbers {

    private static final long[] POW10 = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};
    private static final double LIMIT = 1e12;

    private Numbers() {}

    /** {@code v} rounded to {@code digits} in [0, 6] decimals; |v| must be below 1e12. */
    public static String format(double v, int digits) {
        if (digits < 0 || digits >= POW10.length) throw new IllegalArgumentException("digits must lie in [0, 6], got " + digits);
        if (!(Math.abs(v) < LIMIT)) throw new IllegalArgumentException("cannot write " + v + " (finite numbers below 1e12 only)");
        long pow = POW10[digits];
        long m = Math.round(v * pow);
        if (m == 0) return "0";
        StringBuilder sb = new StringBuilder(16);
        if (m < 0) {
            sb.append('-');
            m = -m;
        }
        sb.append(m / pow);
        long frac = m % pow;
        if (frac != 0) {
            int width = digits;
            while (frac % 10 == 0) {
                frac /= 10;
                width--;
            }
            String f = Long.toString(frac);
            sb.append('.');
            for (int i = f.length(); i < width; i++) sb.append('0');
            sb.append(f);
        }
        return sb.toString();
    }
}
