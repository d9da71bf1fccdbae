package org.vaml4j.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.vaml4j.nn.ArchiveReader;
import org.vaml4j.nn.ArchiveWriter;
import org.vaml4j.rl.EpisodeEnd;
import org.vaml4j.rl.Trainer;
import org.vaml4j.rl.TrainingListener;

/**
 * Drives a {@link Trainer} inside a {@link RunDirectory}: writes {@code config.properties},
 * appends {@code progress.csv}, checkpoints atomically at the first episode end after every
 * {@code run.checkpoint_every} steps, shows the {@link ProgressLine}, and at the end writes the
 * agent and {@code summary.json}. With {@code resume}, it restores the last checkpoint (or starts
 * over when the run died before its first one), drops the CSV rows past it, and continues: the
 * result equals that of an uninterrupted run.
 */
public final class TrainingRun {

    /** Settings keys that may change between a run and its resumption. */
    public static final List<String> RESUMABLE_CHANGES = List.of("run.steps");

    private final RunDirectory dir;
    private final Settings settings;
    private final Trainer trainer;
    private final long totalSteps;
    private final long checkpointEvery;
    private final int finalEvalEpisodes;
    private final LongSupplier clock;

    /**
     * @param settings resolved settings incl. {@code run.*} keys; written to config.properties
     * @param clock    nanosecond clock for wall-time columns ({@code System::nanoTime})
     */
    public TrainingRun(RunDirectory dir, Settings settings, Trainer trainer, long totalSteps, LongSupplier clock) {
        if (totalSteps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + totalSteps);
        this.dir = dir;
        this.settings = settings;
        this.trainer = trainer;
        this.totalSteps = totalSteps;
        this.checkpointEvery = settings.longValue("run.checkpoint_every", 1, Long.MAX_VALUE);
        this.finalEvalEpisodes = settings.integer("run.final_eval_episodes", 1, 1_000_000);
        this.clock = clock;
    }

    /** The CSV header for a trainer: step, episode, returns, its metrics, throughput and wall time. */
    public static List<String> header(Trainer t) {
        List<String> h = new ArrayList<>(List.of("step", "episode", "episode_return", "episode_length", "eval_return"));
        h.addAll(t.metricNames());
        h.addAll(List.of("steps_per_s", "wall_s"));
        return h;
    }

    /** Runs (or resumes) to {@code totalSteps}; returns the summary it wrote. */
    public SummaryJson execute(boolean resume, ProgressLineFactory lines) throws IOException {
        double wallBefore = 0;
        ProgressCsv csv;
        boolean restored = false;
        if (resume) {
            dir.requireRun();
            Settings stored = Settings.load(dir.config());
            List<String> diff = new ArrayList<>();
            for (String d : stored.differences(settings)) {
                if (RESUMABLE_CHANGES.stream().noneMatch(k -> d.startsWith(k + " "))) diff.add(d);
            }
            if (!diff.isEmpty()) {
                throw new IllegalArgumentException("cannot resume " + dir.root() + ": settings differ from the stored run: "
                        + String.join(", ", diff));
            }
            if (dir.hasCheckpoint()) {
                ArchiveReader r = ArchiveReader.open(dir.checkpoint(), "checkpoint");
                trainer.readState(r);
                wallBefore = Double.longBitsToDouble(r.longValue("run.wall_s"));
                restored = true;
            }
            csv = ProgressCsv.resume(dir.progress(), header(trainer), trainer.step());
        } else {
            dir.createFresh();
            csv = ProgressCsv.create(dir.progress(), header(trainer));
        }
        AtomicFiles.writeString(dir.config(), settings.toPropertiesText("vaml4j run settings (resolved)"));

        long start = clock.getAsLong();
        long startStep = trainer.step();
        ProgressLine line = lines.create(startStep, totalSteps);
        Listener listener = new Listener(csv, line, start, wallBefore, startStep);
        try (csv) {
            trainer.train(totalSteps, listener);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        line.finish(trainer.step());

        // ---- results: the trained networks, a final deterministic evaluation, summary.json ----
        try (ArchiveWriter w = ArchiveWriter.create(dir.agent(), "agent")) {
            trainer.writeAgent(w);
            w.commit();
        }
        double finalEval = trainer.evaluate(finalEvalEpisodes);
        double wall = wallBefore + (clock.getAsLong() - start) / 1e9;
        SummaryJson s = new SummaryJson()
                .put("algo", trainer.algorithm())
                .put("env", settings.has("run.env") ? settings.string("run.env") : "")
                .put("seed", settings.has("run.seed") ? Long.parseLong(settings.string("run.seed")) : 0L)
                .put("steps", trainer.step())
                .put("episodes", trainer.episode())
                .put("last_episode_return", listener.lastReturn)
                .put("last_eval_return", listener.lastEval)
                .put("final_eval_return", finalEval)
                .put("final_eval_episodes", (long) finalEvalEpisodes)
                .put("resumed", resume)
                .put("restored_checkpoint", restored)
                .put("wall_s", wall)
                .put("steps_per_s", (trainer.step() - startStep) / Math.max(1e-9, (clock.getAsLong() - start) / 1e9));
        s.write(dir.summary());
        return s;
    }

    /** Makes the progress line once the start step is known. */
    @FunctionalInterface
    public interface ProgressLineFactory {
        ProgressLine create(long startStep, long totalSteps);
    }

    private final class Listener implements TrainingListener {
        private final ProgressCsv csv;
        private final ProgressLine line;
        private final long start;
        private final double wallBefore;
        private long lastRowStep;
        private long lastRowNanos;
        private long nextCheckpoint;
        double lastReturn = Double.NaN;
        double lastEval = Double.NaN;

        Listener(ProgressCsv csv, ProgressLine line, long start, double wallBefore, long startStep) {
            this.csv = csv;
            this.line = line;
            this.start = start;
            this.wallBefore = wallBefore;
            this.lastRowStep = startStep;
            this.lastRowNanos = start;
            this.nextCheckpoint = (startStep / checkpointEvery + 1) * checkpointEvery;
        }

        @Override
        public void onStep(long step) {
            line.step(step);
        }

        @Override
        public void onEpisodeEnd(EpisodeEnd e) {
            long now = clock.getAsLong();
            double wall = wallBefore + (now - start) / 1e9;
            double rate = (e.step() - lastRowStep) / Math.max(1e-9, (now - lastRowNanos) / 1e9);
            lastRowStep = e.step();
            lastRowNanos = now;
            lastReturn = e.episodeReturn();
            line.episode(e.episodeReturn());
            if (e.evaluated()) {
                lastEval = e.evalReturn();
                line.evaluation(e.evalReturn());
            }
            Object[] row = new Object[csv.header().size()];
            int i = 0;
            row[i++] = e.step();
            row[i++] = e.episode();
            row[i++] = e.episodeReturn();
            row[i++] = (long) e.length();
            row[i++] = e.evalReturn();
            for (double m : e.metrics()) row[i++] = m;
            row[i++] = rate;
            row[i] = wall;
            try {
                csv.row(row);
                if (e.step() >= nextCheckpoint) {
                    try (ArchiveWriter w = ArchiveWriter.create(dir.checkpoint(), "checkpoint")) {
                        trainer.writeState(w);
                        w.longs("run.wall_s", Double.doubleToRawLongBits(wall));
                        w.commit();
                    }
                    while (nextCheckpoint <= e.step()) nextCheckpoint += checkpointEvery;
                }
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
