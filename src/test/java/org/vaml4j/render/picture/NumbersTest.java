package org.vaml4j.render.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void shortDecimalsWithoutTrailingZerosOrMinusZero() {
        assertEquals("12.3", Numbers.format(12.34, 1));
        assertEquals("12", Numbers.format(12.04, 1));
        assertEquals("0", Numbers.format(-0.04, 1));
        assertEquals("-3.05", Numbers.format(-3.049999, 2));
        assertEquals("0.007", Numbers.format(0.007, 3));
        assertEquals("480", Numbers.format(479.99999999999994, 1));
        assertEquals("-1.5", Numbers.format(-1.5, 6));
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(1e13, 1));
        assertThrows(IllegalArgumentException.class, () -> Numbers.format(1, 7));
    }
}
