package org.vaml4j.mbrl.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PiecewiseLinearTest {

    @Test
    void interpolatesWithJumps() {
        PiecewiseLinear s = PiecewiseLinear.parse("10:2, 20:4, 20:0, 30:1");
        assertEquals(2, s.at(0));
        assertEquals(2, s.at(10));
        assertEquals(3, s.at(15));
        assertEquals(0, s.at(20));
        assertEquals(0.5, s.at(25));
        assertEquals(1, s.at(99));
        assertEquals(s, PiecewiseLinear.parse(s.toString()));
        assertEquals(7, PiecewiseLinear.constant(7).at(123));
    }

    @Test
    void rejectsBadText() {
        assertThrows(IllegalArgumentException.class, () -> PiecewiseLinear.parse("1:2,0:1"));
        assertThrows(IllegalArgumentException.class, () -> PiecewiseLinear.parse("a:1"));
        assertThrows(IllegalArgumentException.class, () -> PiecewiseLinear.parse("5"));
        assertThrows(IllegalArgumentException.class, () -> PiecewiseLinear.parse("0:NaN"));
    }
}
