package org.vaml4j;

/** The learning tests' figure: the mean final return over a few fixed seeds, each one printed. */
public final class SeedMeans {

    /** One training run's final return for a seed. */
    public interface Run {
        double finalReturn(long seed) throws Exception;
    }

    private SeedMeans() {}

    /** Mean of {@code run} over {@code seeds}; prints "what: seed 0: r0 seed 1: r1 ...; mean m". */
    public static double over(String what, long[] seeds, Run run) throws Exception {
        double sum = 0;
        StringBuilder each = new StringBuilder();
        for (long seed : seeds) {
            double r = run.finalReturn(seed);
            sum += r;
            each.append(String.format(" seed %d: %.1f", seed, r));
        }
        double mean = sum / seeds.length;
        System.out.printf("%s:%s; mean %.1f%n", what, each, mean);
        return mean;
    }
}
