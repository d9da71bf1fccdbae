package org.vaml4j.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricMeansTest {

    @Test
    void meansSkipNaNAndStartAfreshAfterEachReport() {
        MetricMeans m = new MetricMeans(List.of("a", "b", "c"));
        m.add(0, 1.0, Double.NaN);
        m.add(0, 3.0, 4.0);
        m.add(2, 10.0);
        assertArrayEquals(new double[] {2.0, 4.0, 10.0}, m.meansAndReset());
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN}, m.meansAndReset());
        m.add(1, 5.0);
        assertArrayEquals(new double[] {Double.NaN, 5.0, Double.NaN}, m.meansAndReset());
    }

    @Test
    void rejectsValuesOutsideTheNames() {
        MetricMeans m = new MetricMeans(List.of("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> m.add(1, 1.0, 2.0));
        assertThrows(IllegalArgumentException.class, () -> m.add(-1, 1.0));
    }
}
