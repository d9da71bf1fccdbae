package org.vaml4j.env;

/** The actions {@code 0 .. n-1}, carried as a one-element vector holding the integer. */
public record Discrete(int n) implements Space {

    public Discrete {
        if (n < 1) throw new IllegalArgumentException("Discrete: n must be >= 1, got " + n);
    }

    @Override public int flatDim() { return 1; }

    @Override
    public double[] validate(String what, double[] x) {
        if (x == null || x.length != 1) {
            throw new IllegalArgumentException(what + " must be one integer in [0, " + n + ")");
        }
        double v = x[0];
        if (!Double.isFinite(v) || v != Math.rint(v) || v < 0 || v >= n) {
            throw new IllegalArgumentException(what + " is " + v + "; must be an integer in [0, " + n + ")");
        }
        return x.clone();
    }

    @Override
    public String toString() {
        return "Discrete(" + n + ")";
    }
}
