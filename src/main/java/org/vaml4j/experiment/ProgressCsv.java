package org.vaml4j.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code progress.csv} of a run (Commons CSV): a fixed header, then one row per event, flushed
 * as written. The first column must be {@code step}. Missing values (NaN) are empty cells.
 *
 * <p>On resume, rows past the checkpoint's step are dropped (they would be produced again), so
 * the file of a resumed run equals that of an uninterrupted one.
 */
public final class ProgressCsv implements AutoCloseable {

    private final Path path;
    private final List<String> header;
    private final CSVPrinter printer;

    private ProgressCsv(Path path, List<String> header, CSVPrinter printer) {
        this.path = path;
        this.header = header;
        this.printer = printer;
    }

    /** Creates (replacing) {@code path} with the given header. */
    public static ProgressCsv create(Path path, List<String> header) throws IOException {
        requireStepFirst(header);
        AtomicFiles.writeString(path, render(header, List.of()));
        return open(path, header);
    }

    /**
     * Reopens the file of a resumed run: checks its header, keeps the rows whose step is at most
     * {@code lastStep}, and appends after them.
     */
    public static ProgressCsv resume(Path path, List<String> header, long lastStep) throws IOException {
        requireStepFirst(header);
        List<List<String>> kept = new ArrayList<>();
        if (Files.exists(path)) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                if (!p.getHeaderNames().equals(header)) {
                    throw new IllegalArgumentException(path + ": header " + p.getHeaderNames() + " differs from this run's "
                            + header + " (written by another algorithm or version?)");
                }
                for (CSVRecord r : p) {
                    long step;
                    try {
                        step = Long.parseLong(r.get(0));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(path + ": line " + p.getCurrentLineNumber() + " has step '" + r.get(0) + "'");
                    }
                    if (step <= lastStep) kept.add(r.toList());
                }
            }
        }
        AtomicFiles.writeString(path, render(header, kept));
        return open(path, header);
    }

    /** Appends one row; values are numbers (NaN = empty), strings or null (empty). */
    public void row(Object... values) throws IOException {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("progress row has " + values.length + " values for " + header.size() + " columns");
        }
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) cells.add(cell(v));
        printer.printRecord(cells);
        printer.flush();
    }

    public List<String> header() { return header; }

    public Path path() { return path; }

    @Override
    public void close() throws IOException {
        printer.close();
    }

    /** How a value is written: integers plainly, other numbers with Java's shortest round-trip form, NaN empty. */
    static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) {
            if (Double.isNaN(d)) return "";
            return Double.toString(d);
        }
        if (v instanceof Float f) return Float.isNaN(f) ? "" : Float.toString(f);
        return v.toString();
    }

    private static ProgressCsv open(Path path, List<String> header) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new ProgressCsv(path, List.copyOf(header), new CSVPrinter(w, CSVFormat.DEFAULT));
    }

    private static String render(List<String> header, List<List<String>> rows) throws IOException {
        StringWriter sw = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(sw, CSVFormat.DEFAULT)) {
            p.printRecord(header);
            for (List<String> r : rows) p.printRecord(r);
        }
        return sw.toString();
    }

    private static void requireStepFirst(List<String> header) {
        if (header.isEmpty() || !header.get(0).equals("step")) {
            throw new IllegalArgumentException("progress header must start with 'step', got " + header);
        }
    }
}
