package org.vaml4j.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link StrictTrig} returns StrictMath's bits: on every branch of the reduction (no reduction,
 * |x| < 3pi/4, medium arguments with one, two or three pieces of pi/2, huge arguments handed on)
 * and for every quadrant. Bits are compared, so -0.0 vs 0.0 counts.
 */
class StrictTrigProperties {

    @Property(tries = 5000)
    void jointAnglesMatchStrictMath(@ForAll @DoubleRange(min = -40, max = 40) double x) {
        assertSameBits(x);
    }

    @Property(tries = 2000)
    void mediumAndHugeArgumentsMatchStrictMath(@ForAll @DoubleRange(min = -2e6, max = 2e6) double x) {
        assertSameBits(x);
    }

    /** Near n pi/2 the reduction cancels and refines with more pieces of pi/2: a few ulps either side. */
    @Property(tries = 2000)
    void nearMultiplesOfHalfPiMatchStrictMath(@ForAll @IntRange(min = -200, max = 200) int n,
                                              @ForAll @IntRange(min = -64, max = 64) int ulps) {
        double x = n * (Math.PI / 2);
        for (int k = 0; k < Math.abs(ulps); k++) x = ulps > 0 ? Math.nextUp(x) : Math.nextDown(x);
        assertSameBits(x);
    }

    @Example
    void specialValuesMatchStrictMath() {
        double[] xs = {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, 0x1p-27, -0x1p-28, 0.3, 0.2999999999999999,
            Math.PI / 4, Math.nextUp(Math.PI / 4), 0.78125, Math.PI / 2, -Math.PI / 2, 3 * Math.PI / 4,
            Math.PI, -Math.PI, 0x1.921fb54442d18p19 * 0x1p0, 0x1.921fb54442d18p20, 1e300, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (double x : xs) assertSameBits(x);
    }

    private static void assertSameBits(double x) {
        assertEquals(Double.doubleToLongBits(StrictMath.sin(x)), Double.doubleToLongBits(StrictTrig.sin(x)),
                () -> "sin(" + x + ")");
        assertEquals(Double.doubleToLongBits(StrictMath.cos(x)), Double.doubleToLongBits(StrictTrig.cos(x)),
                () -> "cos(" + x + ")");
    }
}
