package org.vaml4j.mbrl.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A schedule {@code value(step)}, piecewise linear through points (step_i, value_i) with
 * non-decreasing steps; two points at one step make a jump (the later one holds from that step
 * on). Before the first point the first value holds, after the last the last value. Immutable: the
 * caller owns the step counter.
 *
 * <p>Text form: {@code "step:value,step:value,..."}, e.g. Lovatto et al.'s MLE coefficient
 * {@code "0:1,10000:1,10000:0.001,60000:0"} (pure MLE for a 10 000-step warm-up, then 0.001
 * decaying linearly to 0 at 60 000 steps), or a constant {@code "0:1"}.
 */
public record PiecewiseLinear(long[] steps, double[] values) {

    public PiecewiseLinear {
        if (steps == null || values == null || steps.length == 0 || steps.length != values.length) {
            throw new IllegalArgumentException("schedule: needs one or more (step, value) points of equal count");
        }
        steps = steps.clone();
        values = values.clone();
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 0 || (i > 0 && steps[i] < steps[i - 1])) {
                throw new IllegalArgumentException("schedule: steps must be >= 0 and non-decreasing, got " + Arrays.toString(steps));
            }
            if (!Double.isFinite(values[i])) throw new IllegalArgumentException("schedule: value " + values[i] + " is not finite");
        }
    }

    /** A constant schedule. */
    public static PiecewiseLinear constant(double value) {
        return new PiecewiseLinear(new long[] {0}, new double[] {value});
    }

    /** Parses {@code "step:value,..."}. */
    public static PiecewiseLinear parse(String text) {
        List<long[]> s = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("schedule: '" + part + "' is not step:value (e.g. 0:1,10000:1,10000:0.001,60000:0)");
            }
            try {
                s.add(new long[] {Long.parseLong(kv[0].trim())});
                v.add(Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("schedule: '" + part + "' is not step:value with an integer step and a number");
            }
        }
        long[] steps = new long[s.size()];
        double[] values = new double[v.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = s.get(i)[0];
            values[i] = v.get(i);
        }
        return new PiecewiseLinear(steps, values);
    }

    /** The value at {@code step}. */
    public double at(long step) {
        int i = -1;
        while (i + 1 < steps.length && steps[i + 1] <= step) i++;   // last point at or before step
        if (i < 0) return values[0];
        if (i == steps.length - 1) return values[i];
        double f = (double) (step - steps[i]) / (steps[i + 1] - steps[i]);
        return values[i] + f * (values[i + 1] - values[i]);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.length; i++) sb.append(i == 0 ? "" : ",").append(steps[i]).append(':').append(values[i]);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PiecewiseLinear p && Arrays.equals(steps, p.steps) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(steps) + Arrays.hashCode(values);
    }
}
