package org.vaml4j.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaml4j.autodiff.Shapes;
import org.vaml4j.autodiff.Tensor;

/**
 * All parameters of one network (or one ensemble, or several networks updated together) in one
 * flat {@code float[]} with a gradient buffer of the same layout, exposed as named views.
 *
 * <p>Because the storage is flat, the optimizer step, the Polyak average, gradient clipping and
 * save/load are each one loop over {@link #data()} / {@link #grad()} (llm.c's
 * {@code malloc_and_point_parameters}). Build the layout once with {@link #builder()}; views
 * handed out by {@link #view(String)} share storage with this object.
 */
public final class Params {

    /** One named window {@code [offset, offset + size)} of the flat buffer. */
    public record Entry(String name, int[] shape, int offset, int size) {
        public Entry {
            shape = shape.clone();
        }

        @Override public int[] shape() { return shape.clone(); }

        @Override
        public String toString() {
            return name + Arrays.toString(shape);
        }
    }

    private final List<Entry> entries;
    private final Map<String, Integer> index;
    private final float[] data;   // (size) all values, entry after entry
    private final float[] grad;   // (size) same layout as data
    private final Tensor[] views;       // per entry: values + gradient window
    private final Tensor[] constViews;  // per entry: values only (a constant to the tape)
    private final Tensor[][] memberViews;  // per entry, made on first use: (members x {constant, trainable})

    private Params(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(new ArrayList<>(entries));
        this.index = new LinkedHashMap<>();
        int n = 0;
        for (Entry e : entries) {
            index.put(e.name(), index.size());
            n += e.size();
        }
        this.data = new float[n];
        this.grad = new float[n];
        this.views = new Tensor[entries.size()];
        this.constViews = new Tensor[entries.size()];
        this.memberViews = new Tensor[entries.size()][];
        for (int i = 0; i < views.length; i++) {
            Entry e = entries.get(i);
            views[i] = Tensor.view(data, e.offset(), grad, e.offset(), e.shape());
            constViews[i] = Tensor.view(data, e.offset(), null, 0, e.shape());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A zero-valued Params with the same layout (names, shapes, offsets) as this one. */
    public Params sameLayout() {
        return new Params(entries);
    }

    /** A copy with the same layout and values (gradient zero). */
    public Params copy() {
        Params p = sameLayout();
        System.arraycopy(data, 0, p.data, 0, data.length);
        return p;
    }

    /** Total number of scalars. */
    public int size() { return data.length; }

    /** The flat values (shared, not a copy). */
    public float[] data() { return data; }

    /** The flat gradient, same layout as {@link #data()} (shared, not a copy). */
    public float[] grad() { return grad; }

    /** The entries in layout order. */
    public List<Entry> entries() { return entries; }

    /** The entry named {@code name}; unknown names list the known ones. */
    public Entry entry(String name) {
        return entries.get(indexOf(name));
    }

    public boolean has(String name) { return index.containsKey(name); }

    /** A view of the entry that accumulates its gradient into {@link #grad()} (cached: no allocation). */
    public Tensor view(String name) {
        return views[indexOf(name)];
    }

    /** A view of the entry without gradient: a constant to the tape (e.g. frozen critics in the actor loss). */
    public Tensor constantView(String name) {
        return constViews[indexOf(name)];
    }

    /** {@link #view} or {@link #constantView}. */
    public Tensor view(String name, boolean trainable) {
        return trainable ? view(name) : constantView(name);
    }

    /**
     * Row {@code index} of the leading axis of an entry shaped (E x ...): e.g. the weights
     * (in x out) of one ensemble member out of (E x in x out). With {@code trainable} the view
     * shares the gradient window. Cached, as {@link #view}: the first call per view allocates it.
     */
    public Tensor memberView(String name, int index, boolean trainable) {
        int i = indexOf(name);
        Entry e = entries.get(i);
        if (e.shape.length < 2 || index < 0 || index >= e.shape[0]) {
            throw new IllegalArgumentException("memberView: entry " + e + " has no member " + index);
        }
        // cached like view(): an ensemble forward asks for the same views every step
        Tensor[] cached = memberViews[i];
        if (cached == null) memberViews[i] = cached = new Tensor[2 * e.shape[0]];
        int c = 2 * index + (trainable ? 1 : 0);
        if (cached[c] == null) {
            int[] rest = Arrays.copyOfRange(e.shape, 1, e.shape.length);
            int off = e.offset() + index * (e.size() / e.shape[0]);
            cached[c] = Tensor.view(data, off, trainable ? grad : null, trainable ? off : 0, rest);
        }
        return cached[c];
    }

    private int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; known: " + index.keySet());
        }
        return i;
    }

    /** Sets every gradient to zero. */
    public void zeroGrad() {
        Arrays.fill(grad, 0f);
    }

    /** Copies the values of {@code other}, which must have the same layout. */
    public void copyFrom(Params other) {
        requireSameLayout("copyFrom", other);
        System.arraycopy(other.data, 0, data, 0, data.length);
    }

    /** Whether both have the same names, shapes and order. */
    public boolean sameLayoutAs(Params other) {
        if (other.entries.size() != entries.size()) return false;
        for (int i = 0; i < entries.size(); i++) {
            Entry a = entries.get(i), b = other.entries.get(i);
            if (!a.name().equals(b.name()) || !Arrays.equals(a.shape, b.shape)) return false;
        }
        return true;
    }

    /** Fails with a message naming {@code what} unless {@code other} has this layout. */
    public void requireSameLayout(String what, Params other) {
        if (!sameLayoutAs(other)) {
            throw new IllegalArgumentException(what + ": parameter layouts differ: " + entries + " vs " + other.entries);
        }
    }

    /** Index of the first non-finite value, or -1. */
    public int firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) return i;
        }
        return -1;
    }

    /** The entry holding flat index {@code i}. */
    public Entry entryAt(int i) {
        for (Entry e : entries) {
            if (i >= e.offset() && i < e.offset() + e.size()) return e;
        }
        throw new IndexOutOfBoundsException("index " + i + " of " + data.length);
    }

    // ---- save / load ----

    /** Writes every entry as {@code prefix + name} with its shape. */
    public void write(ArchiveWriter w, String prefix) throws IOException {
        for (Entry e : entries) w.floats(prefix + e.name(), data, e.offset(), e.shape);
    }

    /**
     * Reads every entry {@code prefix + name}; all names, types and shapes are checked before
     * any value is overwritten, so a mismatching file leaves these parameters as they were.
     */
    public void read(ArchiveReader r, String prefix) {
        for (Entry e : entries) {
            String n = prefix + e.name();
            if (!r.has(n)) {
                throw new IllegalArgumentException("archive " + r.path() + ": no parameter '" + n
                        + "' (saved from a different network?)");
            }
            if (!Arrays.equals(r.shape(n), e.shape)) {
                throw new IllegalArgumentException("archive " + r.path() + ": parameter '" + n + "' has shape "
                        + Arrays.toString(r.shape(n)) + ", this network expects " + Arrays.toString(e.shape));
            }
        }
        float[] staged = new float[data.length];
        for (Entry e : entries) r.floats(prefix + e.name(), staged, e.offset(), e.shape);
        System.arraycopy(staged, 0, data, 0, data.length);
    }

    /** Saves these parameters alone to {@code path} (an archive of kind {@code "params"}). */
    public void save(Path path) throws IOException {
        try (ArchiveWriter w = ArchiveWriter.create(path, "params")) {
            write(w, "");
            w.commit();
        }
    }

    /** Loads parameters saved by {@link #save}; the layout must match. */
    public void load(Path path) throws IOException {
        read(ArchiveReader.open(path, "params"), "");
    }

    @Override
    public String toString() {
        return "Params" + entries + " (" + data.length + " values)";
    }

    /** Collects named shapes in order, then allocates the flat buffers once. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, Entry> names = new LinkedHashMap<>();
        private int offset;

        private Builder() {}

        /** Adds an entry; names must be unique and dimensions positive. */
        public Builder add(String name, int... shape) {
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("parameter name must not be empty");
            if (names.containsKey(name)) throw new IllegalArgumentException("duplicate parameter name '" + name + "'");
            for (int d : shape) {
                if (d <= 0) throw new IllegalArgumentException("parameter '" + name + "': dimensions must be positive, got "
                        + Arrays.toString(shape));
            }
            int size = Shapes.size(shape);
            if ((long) offset + size > Integer.MAX_VALUE) throw new IllegalArgumentException("parameters too large");
            Entry e = new Entry(name, shape, offset, size);
            entries.add(e);
            names.put(name, e);
            offset += size;
            return this;
        }

        public Params build() {
            return new Params(entries);
        }
    }
}
