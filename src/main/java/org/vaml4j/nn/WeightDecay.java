package org.vaml4j.nn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Weight-decay coefficient per parameter group: a default for every entry and overrides by entry
 * name (e.g. MBPO's per-layer decays 2.5e-5 .. 1e-4 on the ensemble weights, none on biases).
 */
public record WeightDecay(double defaultDecay, Map<String, Double> perEntry) {

    public WeightDecay {
        check("default", defaultDecay);
        perEntry = Map.copyOf(perEntry);
        perEntry.forEach(WeightDecay::check);
    }

    /** No decay anywhere. */
    public static WeightDecay none() {
        return new WeightDecay(0, Map.of());
    }

    /** The same decay for every entry. */
    public static WeightDecay uniform(double decay) {
        return new WeightDecay(decay, Map.of());
    }

    /** This decay with entry {@code name} set to {@code decay}. */
    public WeightDecay with(String name, double decay) {
        Map<String, Double> m = new LinkedHashMap<>(perEntry);
        m.put(name, decay);
        return new WeightDecay(defaultDecay, m);
    }

    /** The coefficient of each entry of {@code p}, in layout order; unknown override names are an error. */
    public float[] coefficients(Params p) {
        for (String n : perEntry.keySet()) {
            if (!p.has(n)) throw new IllegalArgumentException("weight decay for unknown parameter '" + n
                    + "'; parameters: " + p.entries().stream().map(Params.Entry::name).toList());
        }
        float[] c = new float[p.entries().size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) (double) perEntry.getOrDefault(p.entries().get(i).name(), defaultDecay);
        }
        return c;
    }

    private static void check(String name, double d) {
        if (!(d >= 0) || !Double.isFinite(d)) {
            throw new IllegalArgumentException("weight decay for '" + name + "' must be finite and >= 0, got " + d);
        }
    }
}
