package org.vaml4j.mbrl;

/**
 * mbrl-lib's {@code truncated_linear} schedule (research.md §A.1): {@code minY} up to
 * {@code minX}, then linear to {@code maxY} at {@code maxX}, constant after;
 * {@code maxX - minX < 1e-10} gives {@code maxY}. MBPO's rollout length is
 * {@code (int) at(epoch + 1)} with Hopper's {@code [20, 150, 1, 15]}; VaGraM's model share of
 * the SAC batch is {@code [0, 40, 0, 0.95]} (papers/000 App. E).
 */
public record TruncatedLinear(double minX, double maxX, double minY, double maxY) {

    public TruncatedLinear {
        for (double v : new double[] {minX, maxX, minY, maxY}) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("schedule values must be finite, got " + v);
        }
        if (maxX < minX) throw new IllegalArgumentException("schedule: maxX " + maxX + " < minX " + minX);
    }

    /** A constant schedule. */
    public static TruncatedLinear constant(double y) {
        return new TruncatedLinear(0, 0, y, y);
    }

    /** Parses {@code "minX,maxX,minY,maxY"} or a single constant {@code "y"}. */
    public static TruncatedLinear parse(String text) {
        String[] p = text.split(",");
        try {
            if (p.length == 1) return constant(Double.parseDouble(p[0].trim()));
            if (p.length == 4) {
                return new TruncatedLinear(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
                        Double.parseDouble(p[2].trim()), Double.parseDouble(p[3].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("schedule '" + text + "': expected minX,maxX,minY,maxY (e.g. 20,150,1,15) or one number");
    }

    /** The value at x. */
    public double at(double x) {
        if (maxX - minX < 1e-10) return maxY;
        if (x <= minX) return minY;
        return minY + Math.min(1.0, (x - minX) / (maxX - minX)) * (maxY - minY);
    }

    /** {@code "minX,maxX,minY,maxY"}, the form {@link #parse} reads. */
    public String text() {
        return fmt(minX) + "," + fmt(maxX) + "," + fmt(minY) + "," + fmt(maxY);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
