package org.vaml4j.mbrl.loss;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The loss scales selected in the model-advantage workshop paper, MW Table 1 (a sweep over 9
 * log-spaced values, 3 seeds, best mean return at 200K steps): alpha weights the main
 * value-aware term (our {@code scale} option), lambda the VPS term ({@code vps}'s lambda).
 * Methods: {@code ma-l1}, {@code ma-l1+vps}, {@code ma-vaml} (our {@code itervaml}),
 * {@code ma-vaml+vps}; tasks: pendulum, acrobot, cartpole, reacher, ant, swimmer, halfcheetah, hopper.
 */
public final class MwLossScales {

    private MwLossScales() {}

    /** alpha and lambda (NaN when the method has no VPS term). */
    public record Scales(double alpha, double lambda) {}

    private static final List<String> TASKS = List.of("pendulum", "acrobot", "cartpole", "reacher", "ant", "swimmer", "halfcheetah", "hopper");

    // per method: alphas then lambdas, in the order of TASKS (MW Table 1 a-d)
    private static final Map<String, double[][]> TABLE = Map.of(
            "ma-l1", new double[][] {{0.05, 0.05, 0.05, 0.05, 0.5, 0.5, 0.05, 0.05}, null},
            "ma-l1+vps", new double[][] {{0.05, 0.05, 0.05, 0.05, 0.5, 0.5, 0.005, 0.05},
                {1e-5, 1e-5, 1e-6, 1e-5, 1e-6, 1e-6, 1e-6, 1e-5}},
            "ma-vaml", new double[][] {{5e-9, 5e-9, 5e-9, 1e-10, 1e-10, 1e-10, 1e-10, 1e-11}, null},
            "ma-vaml+vps", new double[][] {{1e-9, 1e-9, 1e-11, 1e-10, 1e-10, 1e-12, 1e-10, 1e-10},
                {1e-6, 0.1, 0.1, 1e-5, 1e-6, 0.1, 1e-6, 1e-5}});

    /**
     * The selected scales.
     *
     * @throws IllegalArgumentException for a method or task outside the table (the message lists both)
     */
    public static Scales of(String method, String task) {
        double[][] row = method == null ? null : TABLE.get(method.toLowerCase(Locale.ROOT));
        int t = task == null ? -1 : TASKS.indexOf(task.toLowerCase(Locale.ROOT));
        if (row == null || t < 0) {
            throw new IllegalArgumentException("MW Table 1 has no entry for method '" + method + "', task '" + task
                    + "'; methods: ma-l1, ma-l1+vps, ma-vaml, ma-vaml+vps; tasks: " + String.join(", ", TASKS));
        }
        return new Scales(row[0][t], row[1] == null ? Double.NaN : row[1][t]);
    }
}
