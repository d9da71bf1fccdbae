package org.vaml4j.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Writes a vaml4j archive: named, typed, shaped arrays in one binary file with a format version
 * and a CRC-32 checksum (see {@link ArchiveReader} for the layout). The file appears atomically:
 * everything goes to {@code <file>.tmp}, which is flushed to disk and renamed over the target by
 * {@link #commit()}, so a crash mid-write never damages the previous file.
 *
 * <pre>{@code
 * try (ArchiveWriter w = ArchiveWriter.create(path, "params")) {
 *     w.floats("actor", params.data());
 *     w.commit();     // without it, close() discards the partial file
 * }
 * }</pre>
 */
public final class ArchiveWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 16;

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final CRC32 crc = new CRC32();
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private final Set<String> names = new HashSet<>();
    private boolean closed;

    private ArchiveWriter(Path target, String kind) throws IOException {
        this.target = target;
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        this.channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        buf.put(ArchiveReader.MAGIC);
        buf.putInt(ArchiveReader.VERSION);
        putString(kind);
    }

    /** Starts an archive of the given kind (e.g. {@code "params"}, {@code "checkpoint"}) for {@code target}. */
    public static ArchiveWriter create(Path target, String kind) throws IOException {
        return new ArchiveWriter(target, kind);
    }

    /** A float array {@code a[off .. off + size(shape))} under {@code name}. */
    public ArchiveWriter floats(String name, float[] a, int off, int... shape) throws IOException {
        int n = begin(name, ArchiveReader.FLOAT, shape);
        checkRange(name, a.length, off, n);
        for (int i = 0; i < n; ) {
            ensure(4);
            int k = Math.min(n - i, buf.remaining() / 4);
            buf.asFloatBuffer().put(a, off + i, k);
            buf.position(buf.position() + 4 * k);
            i += k;
        }
        return this;
    }

    /** A whole float array as a vector. */
    public ArchiveWriter floats(String name, float[] a) throws IOException {
        return floats(name, a, 0, a.length);
    }

    /** A double array {@code a[off .. off + size(shape))}. */
    public ArchiveWriter doubles(String name, double[] a, int off, int... shape) throws IOException {
        int n = begin(name, ArchiveReader.DOUBLE, shape);
        checkRange(name, a.length, off, n);
        for (int i = 0; i < n; ) {
            ensure(8);
            int k = Math.min(n - i, buf.remaining() / 8);
            buf.asDoubleBuffer().put(a, off + i, k);
            buf.position(buf.position() + 8 * k);
            i += k;
        }
        return this;
    }

    public ArchiveWriter doubles(String name, double[] a) throws IOException {
        return doubles(name, a, 0, a.length);
    }

    /** A long array as a vector (counters, RNG states). */
    public ArchiveWriter longs(String name, long... a) throws IOException {
        int n = begin(name, ArchiveReader.LONG, a.length);
        for (int i = 0; i < n; i++) {
            ensure(8);
            buf.putLong(a[i]);
        }
        return this;
    }

    /** A byte array as a vector (serialised objects, flags). */
    public ArchiveWriter bytes(String name, byte[] a) throws IOException {
        int n = begin(name, ArchiveReader.BYTE, a.length);
        for (int i = 0; i < n; ) {
            ensure(1);
            int k = Math.min(n - i, buf.remaining());
            buf.put(a, i, k);
            i += k;
        }
        return this;
    }

    /** A UTF-8 string. */
    public ArchiveWriter string(String name, String s) throws IOException {
        return bytes(name, s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the end marker and checksum, forces the file to disk and renames it over the target.
     * Until this is called the target is untouched.
     */
    public void commit() throws IOException {
        if (closed) throw new IllegalStateException("archive " + target + " is closed");
        closed = true;
        try {
            ensure(1);
            buf.put((byte) 0);   // end marker
            flush();
            ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(crc.getValue());
            tail.flip();
            while (tail.hasRemaining()) channel.write(tail);
            channel.force(true);
            channel.close();
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            channel.close();
            Files.deleteIfExists(temp);
        }
    }

    /** Without a prior {@link #commit()}: abandons the archive, deleting the temporary file; the target is untouched. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        channel.close();
        Files.deleteIfExists(temp);
    }

    private int begin(String name, byte type, int... shape) throws IOException {
        if (closed) throw new IllegalStateException("archive " + target + " is closed");
        if (!names.add(name)) throw new IllegalArgumentException("archive " + target + ": duplicate entry '" + name + "'");
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("entry '" + name + "': negative dimension in " + Arrays.toString(shape));
        }
        ensure(1);
        buf.put((byte) 1);   // entry marker
        putString(name);
        ensure(1 + 4 + 4 * shape.length);
        buf.put(type);
        buf.putInt(shape.length);
        long n = 1;
        for (int d : shape) {
            buf.putInt(d);
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("entry '" + name + "' too large");
        return (int) n;
    }

    private static void checkRange(String name, int length, int off, int n) {
        if (off < 0 || off + n > length) {
            throw new IllegalArgumentException("entry '" + name + "': " + n + " values at offset " + off
                    + " exceed the array length " + length);
        }
    }

    private void putString(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ensure(4);
        buf.putInt(b.length);
        for (int i = 0; i < b.length; ) {
            ensure(1);
            int k = Math.min(b.length - i, buf.remaining());
            buf.put(b, i, k);
            i += k;
        }
    }

    private void ensure(int bytes) throws IOException {
        if (buf.remaining() < bytes) flush();
    }

    private void flush() throws IOException {
        buf.flip();
        crc.update(buf.array(), 0, buf.limit());
        while (buf.hasRemaining()) channel.write(buf);
        buf.clear();
    }

}
