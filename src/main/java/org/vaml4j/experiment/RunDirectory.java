package org.vaml4j.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of one training run:
 *
 * <pre>
 *   &lt;root&gt;/config.properties      resolved settings (written first; marks the directory as a run)
 *   &lt;root&gt;/progress.csv          one row per training episode
 *   &lt;root&gt;/checkpoint/state.bin  full training state at the last checkpoint (atomic, checksummed)
 *   &lt;root&gt;/checkpoint/agent.bin  the trained networks, written at the end
 *   &lt;root&gt;/summary.json          final figures, written at the end
 * </pre>
 */
public record RunDirectory(Path root) {

    public Path config() { return root.resolve("config.properties"); }

    public Path progress() { return root.resolve("progress.csv"); }

    public Path checkpointDir() { return root.resolve("checkpoint"); }

    public Path checkpoint() { return checkpointDir().resolve("state.bin"); }

    public Path agent() { return checkpointDir().resolve("agent.bin"); }

    public Path summary() { return root.resolve("summary.json"); }

    /** Whether a run was started here (its config exists). */
    public boolean holdsRun() {
        return Files.exists(config());
    }

    public boolean hasCheckpoint() {
        return Files.exists(checkpoint());
    }

    /** Creates the directories of a new run; refuses a directory that already holds one. */
    public void createFresh() throws IOException {
        if (holdsRun()) {
            throw new IllegalArgumentException(root + " already holds a run (" + config().getFileName()
                    + "); pass --resume to continue it, or choose another --out");
        }
        if (Files.exists(root) && !Files.isDirectory(root)) throw new IllegalArgumentException(root + " is a file, not a directory");
        Files.createDirectories(checkpointDir());
    }

    /** Checks that a run to resume exists here. */
    public void requireRun() throws IOException {
        if (!holdsRun()) {
            throw new IllegalArgumentException("nothing to resume in " + root + " (no " + config().getFileName() + ")");
        }
        Files.createDirectories(checkpointDir());
    }
}
