package org.vaml4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

    @TempDir Path dir;

    Path sample() throws Exception {
        Path f = dir.resolve("a.bin");
        float[] big = new float[100_000];   // larger than the writer's chunk
        for (int i = 0; i < big.length; i++) big[i] = (float) Math.sin(i) * 1e-3f + Float.MIN_VALUE * (i % 3);
        try (ArchiveWriter w = ArchiveWriter.create(f, "test")) {
            w.floats("big", big, 0, 100, 1000);
            w.doubles("d", new double[] {Math.PI, -0.0, Double.MIN_VALUE});
            w.longs("n", 42L, -7L, Long.MAX_VALUE);
            w.string("s", "grüße");
            w.commit();
        }
        return f;
    }

    @Test
    void roundTripIsBitExact() throws Exception {
        Path f = sample();
        ArchiveReader r = ArchiveReader.open(f, "test");
        float[] big = r.floats("big", 100, 1000);
        for (int i = 0; i < big.length; i++) {
            assertEquals(Float.floatToRawIntBits((float) Math.sin(i) * 1e-3f + Float.MIN_VALUE * (i % 3)),
                    Float.floatToRawIntBits(big[i]));
        }
        assertArrayEquals(new double[] {Math.PI, -0.0, Double.MIN_VALUE}, r.doubles("d", 3));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(r.doubles("d", 3)[1]));
        assertArrayEquals(new long[] {42L, -7L, Long.MAX_VALUE}, r.longs("n", 3));
        assertEquals("grüße", r.string("s"));
        assertEquals("test", r.kind());
        assertFalse(Files.exists(dir.resolve("a.bin.tmp")));
    }

    @Test
    void flippedByteIsReportedAsCorrupt() throws Exception {
        Path f = sample();
        byte[] b = Files.readAllBytes(f);
        b[b.length / 2] ^= 0x10;
        Files.write(f, b);
        var e = assertThrows(IllegalArgumentException.class, () -> ArchiveReader.open(f, "test"));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void truncatedFileIsRejected() throws Exception {
        Path f = sample();
        byte[] b = Files.readAllBytes(f);
        for (int len : new int[] {0, 5, 12, b.length / 2, b.length - 1}) {
            Files.write(f, Arrays.copyOf(b, len));
            assertThrows(IllegalArgumentException.class, () -> ArchiveReader.open(f, "test"), "length " + len);
        }
    }

    @Test
    void otherVersionIsRejectedEvenWithAValidChecksum() throws Exception {
        Path f = sample();
        byte[] b = Files.readAllBytes(f);
        ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(99);
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 8);
        ByteBuffer.wrap(b, b.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue());
        Files.write(f, b);
        var e = assertThrows(IllegalArgumentException.class, () -> ArchiveReader.open(f, "test"));
        assertTrue(e.getMessage().contains("format version 99"), e.getMessage());
    }

    @Test
    void wrongKindShapeTypeAndNameAreNamed() throws Exception {
        Path f = sample();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArchiveReader.open(f, "params"))
                .getMessage().contains("expected 'params'"));
        ArchiveReader r = ArchiveReader.open(f, null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.floats("big", 1000, 100))
                .getMessage().contains("expected [1000, 100]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.doubles("big", 100, 1000))
                .getMessage().contains("float32"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.floats("nope", 1))
                .getMessage().contains("entries: [big, d, n, s]"));
        Path other = dir.resolve("text.bin");
        Files.writeString(other, "hello, this is not an archive at all");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArchiveReader.open(other, null))
                .getMessage().contains("magic"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ArchiveReader.open(dir.resolve("missing"), null))
                .getMessage().contains("does not exist"));
    }

    @Test
    void uncommittedWriterLeavesThePreviousFileIntact() throws Exception {
        Path f = sample();
        byte[] before = Files.readAllBytes(f);
        try (ArchiveWriter w = ArchiveWriter.create(f, "test")) {
            w.floats("x", new float[3]);
            // an exception here would skip commit(): simulate by not committing
        }
        assertArrayEquals(before, Files.readAllBytes(f));
        assertFalse(Files.exists(dir.resolve("a.bin.tmp")));
    }
}
