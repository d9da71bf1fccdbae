package org.vaml4j.examples;

// README.md, "Check your own op", shows this file from the next line on (ReadmeExamplesTest keeps the two equal).
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.vaml4j.autodiff.GradCheck;
import org.vaml4j.autodiff.Tape;
import org.vaml4j.autodiff.Tensor;
import org.vaml4j.kernel.ScalarKernels;

class SoftsignProperties {

    /** y = x / (1 + |x|): forward now, backward recorded on the tape (it accumulates into dx). */
    static Tensor softsign(Tape tape, Tensor x) {
        Tensor y = tape.output(x.requiresGrad(), x.shape());
        float[] xs = x.data(), ys = y.data();
        for (int i = 0; i < x.size(); i++) ys[y.offset() + i] = xs[x.offset() + i] / (1 + Math.abs(xs[x.offset() + i]));
        if (y.requiresGrad()) {
            tape.record(() -> {
                for (int i = 0; i < x.size(); i++) {
                    float d = 1 + Math.abs(xs[x.offset() + i]);
                    x.grad()[x.gradOffset() + i] += y.grad()[y.gradOffset() + i] / (d * d);   // dx += dy / (1 + |x|)^2
                }
            });
        }
        return y;
    }

    @Property(tries = 100)
    void softsignBackwardMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 64) int n, @ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (rng.nextDouble(0.05, 3) * (rng.nextBoolean() ? 1 : -1));   // away from the kink at 0
        GradCheck.check(new ScalarKernels(), rng, (tape, in) -> softsign(tape, in[0]), Tensor.variable(x, n));
    }
}
