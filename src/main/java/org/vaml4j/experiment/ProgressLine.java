package org.vaml4j.experiment;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The live progress report on stderr: on a terminal one line rewritten in place ({@code \r}) at
 * most every {@code 0.2 s}; otherwise (a log file, CI) a plain line every {@code periodSeconds}.
 * Shows step / total, steps per second, ETA and the last episode and evaluation returns.
 */
public final class ProgressLine {

    private final PrintStream err;
    private final boolean terminal;
    private final long totalSteps;
    private final long startStep;
    private final long periodNanos;
    private final LongSupplier clock;
    private final long startNanos;
    private long lastPrint;
    private boolean dirty;      // an unterminated \r line is on screen
    private double lastReturn = Double.NaN;
    private double lastEval = Double.NaN;

    /**
     * @param terminal      whether {@code err} is an interactive terminal
     * @param startStep     the step the run starts (or resumes) from
     * @param periodSeconds interval of the plain lines when not on a terminal
     * @param clock         nanosecond clock ({@code System::nanoTime}; tests pass a fake)
     */
    public ProgressLine(PrintStream err, boolean terminal, long startStep, long totalSteps, double periodSeconds,
                        LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.startStep = startStep;
        this.totalSteps = totalSteps;
        this.periodNanos = terminal ? 200_000_000L : (long) (periodSeconds * 1e9);
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastPrint = startNanos;
    }

    /**
     * Whether this JVM runs attached to a terminal: a console exists and (on JDK 22+, where
     * {@code System.console()} is non-null even when redirected) {@code Console.isTerminal()}.
     */
    public static boolean consoleIsTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true;   // JDK < 22: a console exists only on a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    public void episode(double ret) { lastReturn = ret; }

    public void evaluation(double ret) { lastEval = ret; }

    /** Reports the current step; prints when the period has passed. */
    public void step(long step) {
        long now = clock.getAsLong();
        if (now - lastPrint < periodNanos) return;
        lastPrint = now;
        print(step, now);
    }

    /** Prints the final state and ends the line. */
    public void finish(long step) {
        print(step, clock.getAsLong());
        if (terminal) err.println();
        dirty = false;
        err.flush();
    }

    /** The text of the line at {@code step} and time {@code now}. */
    String text(long step, long now) {
        double secs = (now - startNanos) / 1e9;
        double rate = secs > 0 ? (step - startStep) / secs : 0;
        String eta = rate > 0 ? duration((totalSteps - step) / rate) : "?";
        return String.format(Locale.ROOT, "step %d/%d (%.0f%%)  %.1f steps/s  elapsed %s  eta %s  return %s  eval %s",
                step, totalSteps, 100.0 * step / Math.max(1, totalSteps), rate, duration(secs), eta,
                num(lastReturn), num(lastEval));
    }

    private void print(long step, long now) {
        String t = text(step, now);
        if (terminal) {
            err.print("\r" + t + "\u001b[K");
            dirty = true;
        } else {
            err.println(t);
        }
        err.flush();
    }

    /** Ends a pending in-place line so other output starts on a fresh line. */
    public void breakLine() {
        if (dirty) err.println();
        dirty = false;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        if (s >= 60) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return s + "s";
    }
}
