package org.vaml4j.nn;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads a vaml4j archive written by {@link ArchiveWriter}, checking everything before handing
 * out a value. Layout (little-endian):
 *
 * <pre>
 * magic "VAML4JAR" (8 bytes) | version int | kind (int length + UTF-8)
 * entries: 0x01 | name (int length + UTF-8) | type byte (f32 1, f64 2, i64 3, u8 4) | rank int | dims int... | payload
 * 0x00 (end) | CRC-32 of every byte before it, as a long
 * </pre>
 *
 * A file that is truncated, has a bad checksum, another format version, another kind, or an
 * entry with another shape than asked is rejected with an {@link IllegalArgumentException} that
 * names the file, the entry and what was expected.
 */
public final class ArchiveReader {

    static final byte[] MAGIC = "VAML4JAR".getBytes(StandardCharsets.US_ASCII);
    /** The format version this build writes and reads. */
    public static final int VERSION = 1;
    static final byte FLOAT = 1, DOUBLE = 2, LONG = 3, BYTE = 4;

    private record Entry(byte type, int[] shape, int position, int count) {}

    private final Path path;
    private final String kind;
    private final ByteBuffer buf;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private ArchiveReader(Path path, String expectedKind, byte[] bytes) {
        this.path = path;
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] magic = new byte[MAGIC.length];
            buf.get(magic);
            if (!Arrays.equals(magic, MAGIC)) throw bad("not a vaml4j archive (wrong magic bytes)");
            int version = buf.getInt();
            if (version != VERSION) {
                throw bad("format version " + version + ", this vaml4j reads version " + VERSION);
            }
            // the checksum covers everything up to the last 8 bytes; verify before trusting any length
            if (bytes.length < buf.position() + 9) throw bad("truncated");
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (stored != crc.getValue()) throw bad("checksum mismatch: the file is corrupt or truncated");
            this.kind = getString();
            if (expectedKind != null && !expectedKind.equals(kind)) {
                throw bad("holds a '" + kind + "' archive, expected '" + expectedKind + "'");
            }
            while (true) {
                byte marker = buf.get();
                if (marker == 0) break;
                if (marker != 1) throw bad("corrupt entry marker " + marker);
                String name = getString();
                byte type = buf.get();
                int rank = buf.getInt();
                if (rank < 0 || rank > 16) throw bad("entry '" + name + "' has rank " + rank);
                int[] shape = new int[rank];
                long n = 1;
                for (int i = 0; i < rank; i++) {
                    shape[i] = buf.getInt();
                    if (shape[i] < 0) throw bad("entry '" + name + "' has a negative dimension");
                    n *= shape[i];
                }
                long bytesLen = n * width(type, name);
                if (bytesLen > buf.remaining()) throw bad("entry '" + name + "' runs past the end of the file");
                entries.put(name, new Entry(type, shape, buf.position(), (int) n));
                buf.position(buf.position() + (int) bytesLen);
            }
            if (buf.remaining() != 8) throw bad("unexpected bytes after the end marker");
        } catch (BufferUnderflowException e) {
            throw bad("truncated");
        }
    }

    /**
     * Reads and verifies the archive at {@code path}; {@code expectedKind} (or null for any) is
     * checked against the kind it was written with.
     */
    public static ArchiveReader open(Path path, String expectedKind) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("archive " + path + " does not exist");
        }
        return new ArchiveReader(path, expectedKind, bytes);
    }

    /** The kind given to {@link ArchiveWriter#create}. */
    public String kind() { return kind; }

    public Path path() { return path; }

    public boolean has(String name) { return entries.containsKey(name); }

    /** The stored shape of an entry. */
    public int[] shape(String name) { return entry(name).shape().clone(); }

    /** Copies float entry {@code name}, which must have exactly {@code shape}, into {@code dst[off ..]}. */
    public void floats(String name, float[] dst, int off, int... shape) {
        Entry e = typed(name, FLOAT, shape);
        buf.slice(e.position(), e.count() * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(dst, off, e.count());
    }

    /** Float entry {@code name}, which must have exactly {@code shape}, as a new array. */
    public float[] floats(String name, int... shape) {
        float[] a = new float[entry(name).count()];
        floats(name, a, 0, shape);
        return a;
    }

    public void doubles(String name, double[] dst, int off, int... shape) {
        Entry e = typed(name, DOUBLE, shape);
        buf.slice(e.position(), e.count() * 8).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(dst, off, e.count());
    }

    public double[] doubles(String name, int... shape) {
        double[] a = new double[entry(name).count()];
        doubles(name, a, 0, shape);
        return a;
    }

    /** Long vector {@code name} of exactly {@code n} values. */
    public long[] longs(String name, int n) {
        Entry e = typed(name, LONG, n);
        long[] a = new long[n];
        buf.slice(e.position(), n * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(a);
        return a;
    }

    /** One long stored as a vector of length 1. */
    public long longValue(String name) {
        return longs(name, 1)[0];
    }

    public byte[] bytes(String name) {
        Entry e = entry(name);
        typed(name, BYTE, e.count());
        byte[] a = new byte[e.count()];
        buf.slice(e.position(), e.count()).get(a);
        return a;
    }

    public String string(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) throw bad("has no entry '" + name + "'; entries: " + entries.keySet());
        return e;
    }

    private Entry typed(String name, byte type, int... shape) {
        Entry e = entry(name);
        if (e.type() != type) throw bad("entry '" + name + "' holds " + typeName(e.type()) + ", expected " + typeName(type));
        if (!Arrays.equals(e.shape(), shape)) {
            throw bad("entry '" + name + "' has shape " + Arrays.toString(e.shape()) + ", expected " + Arrays.toString(shape)
                    + " (saved from a differently configured network?)");
        }
        return e;
    }

    private int width(byte type, String name) {
        return switch (type) {
            case FLOAT -> 4;
            case DOUBLE, LONG -> 8;
            case BYTE -> 1;
            default -> throw bad("entry '" + name + "' has unknown type " + type);
        };
    }

    private static String typeName(byte type) {
        return switch (type) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case LONG -> "int64";
            case BYTE -> "bytes";
            default -> "type " + type;
        };
    }

    private String getString() {
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) throw bad("corrupt string length " + n);
        byte[] b = new byte[n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private IllegalArgumentException bad(String why) {
        return new IllegalArgumentException("archive " + path + ": " + why);
    }
}
