package org.vaml4j.mbrl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vaml4j.rl.ReplayBuffer;

class SegmentBatcherTest {

    @Test
    void segmentsStopAtTerminalStatesAndAtResets() {
        ReplayBuffer b = new ReplayBuffer(10, 1, 1);
        // episode 1: 0 -> 1 -> 2 (terminal); episode 2 (after a reset): 5 -> 6 -> 7 (time limit, not terminal); episode 3: 9 -> 10
        b.add(new double[] {0}, new double[] {0}, 0, new double[] {1}, false);
        b.add(new double[] {1}, new double[] {0}, 1, new double[] {2}, true);
        b.add(new double[] {5}, new double[] {0}, 2, new double[] {6}, false);
        b.add(new double[] {6}, new double[] {0}, 3, new double[] {7}, false);
        b.add(new double[] {9}, new double[] {0}, 4, new double[] {10}, false);
        SegmentBatcher s = new SegmentBatcher(1, 5, 3, 1, 1);
        ModelBatch m = s.fill(b, new int[] {0, 1, 2, 3, 4});
        // valid (t x row): row 0: 1 1 0 (step 1 is terminal); row 2: 1 1 0 (then a reset); row 4: 1 0 0 (no more data)
        float[][] expected = {{1, 1, 1, 1, 1}, {1, 0, 1, 0, 0}, {0, 0, 0, 0, 0}};
        for (int t = 0; t < 3; t++) {
            for (int r = 0; r < 5; r++) assertEquals(expected[t][r], m.valid(t).get(r), "t " + t + " row " + r);
        }
        assertEquals(2f, m.states(2).get(0));    // s_2 of the segment from 0 is 2
        assertEquals(7f, m.states(2).get(2));
        assertEquals(7f, m.states(3).get(2));    // padding repeats the last state
        assertEquals(1f, m.dones(1).get(0));
        assertEquals(3L, m.ids()[3]);
    }
}
