package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TruncatedLinearTest {

    @Test
    void hopperRolloutScheduleAndVagramModelShare() {
        TruncatedLinear hopper = TruncatedLinear.parse("20,150,1,15");
        assertEquals(1, (int) hopper.at(1));
        assertEquals(1, (int) hopper.at(20));
        assertEquals(1 + 14 * 65 / 130.0, hopper.at(85), 1e-12);
        assertEquals(15, (int) hopper.at(150));
        assertEquals(15, (int) hopper.at(1000));
        TruncatedLinear share = TruncatedLinear.parse("0,40,0,0.95");
        assertEquals(0.95 / 40, share.at(1), 1e-12);   // epoch 0 is read at x = 1
        assertEquals(0.95, share.at(40), 1e-12);
        assertEquals(0.7, TruncatedLinear.parse("0.7").at(3), 0);
        assertEquals("20,150,1,15", hopper.text());
    }

    @Test
    void malformedSchedulesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TruncatedLinear.parse("1,2,3"));
        assertThrows(IllegalArgumentException.class, () -> TruncatedLinear.parse("a,b,c,d"));
        assertThrows(IllegalArgumentException.class, () -> TruncatedLinear.parse("5,1,0,1"));
    }
}
