package org.vaml4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.autodiff.Tensor;

class ParamsTest {

    static Params net() {
        return Params.builder().add("l0.w", 3, 4).add("l0.b", 4).add("l1.w", 4, 2).build();
    }

    @Test
    void viewsShareTheFlatBuffers() {
        Params p = net();
        assertEquals(12 + 4 + 8, p.size());
        Tensor w1 = p.view("l1.w");
        assertArrayEquals(new int[] {4, 2}, w1.shape());
        assertSame(p.data(), w1.data());
        assertSame(p.grad(), w1.grad());
        assertEquals(16, w1.offset());
        p.data()[17] = 5f;
        assertEquals(5f, w1.get(1));
        assertNull(p.constantView("l1.w").grad());
        assertSame(w1, p.view("l1.w"));   // cached: no allocation per call
        var e = assertThrows(IllegalArgumentException.class, () -> p.view("l2.w"));
        assertTrue(e.getMessage().contains("l0.w"), e.getMessage());
    }

    @Test
    void builderRejectsDuplicatesAndEmptyShapes() {
        assertThrows(IllegalArgumentException.class, () -> Params.builder().add("a", 2).add("a", 3));
        assertThrows(IllegalArgumentException.class, () -> Params.builder().add("a", 0));
    }

    @Test
    void saveLoadRoundTripsBitExactly(@TempDir Path dir) throws Exception {
        Params p = net();
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < p.size(); i++) p.data()[i] = (float) rng.nextGaussian();
        p.data()[3] = Float.MIN_VALUE;
        p.data()[4] = -0f;
        Path f = dir.resolve("p.bin");
        p.save(f);
        Params q = p.sameLayout();
        q.load(f);
        for (int i = 0; i < p.size(); i++) {
            assertEquals(Float.floatToRawIntBits(p.data()[i]), Float.floatToRawIntBits(q.data()[i]), "index " + i);
        }
    }

    @Test
    void loadingAnotherLayoutFailsAndChangesNothing(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.bin");
        net().save(f);
        Params other = Params.builder().add("l0.w", 3, 4).add("l0.b", 4).add("l1.w", 4, 3).build();
        other.data()[0] = 7f;
        var e = assertThrows(IllegalArgumentException.class, () -> other.load(f));
        assertTrue(e.getMessage().contains("'l1.w' has shape [4, 2], this network expects [4, 3]"), e.getMessage());
        assertEquals(7f, other.data()[0]);
        Params renamed = Params.builder().add("x", 3).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> renamed.load(f)).getMessage().contains("'x'"));
    }

    @Test
    void polyakAveragesAndClipScalesTheNorm() {
        Params t = net(), s = net();
        t.data()[0] = 1f;
        s.data()[0] = 3f;
        Polyak.update(t, s, 0.25);
        assertEquals(1.5f, t.data()[0]);
        assertThrows(IllegalArgumentException.class, () -> Polyak.update(t, Params.builder().add("x", 1).build(), 0.1));

        s.grad()[0] = 3f;
        s.grad()[1] = 4f;
        assertEquals(5.0, GradClip.clipNorm(s, 1.0), 1e-9);
        assertEquals(1.0, GradClip.norm(s), 1e-5);
        assertEquals(0.6f, s.grad()[0], 1e-5);
        assertEquals(1.0, GradClip.clipNorm(s, 2.0), 1e-5);   // below the bound: unchanged
        assertEquals(0.6f, s.grad()[0], 1e-5);
    }
}
