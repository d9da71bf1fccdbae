package org.vaml4j.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Headless Chromium for the browser tests: found on PATH, run with a fresh profile and no network chatter. */
final class Chromium {

    static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The first of {@link #NAMES} on PATH. */
    static Optional<Chromium> find() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) return Optional.of(new Chromium(p));
            }
        }
        return Optional.empty();
    }

    /** A PNG screenshot of {@code url} in a window of width x height. */
    void screenshot(String url, Path png, int width, int height, Path work) throws IOException, InterruptedException {
        run(work, List.of("--screenshot=" + png, "--window-size=" + width + "," + height, url));
        if (!Files.exists(png)) throw new IOException("chromium wrote no screenshot of " + url);
    }

    /** The DOM of {@code url} after its scripts ran. */
    String dumpDom(String url, Path work) throws IOException, InterruptedException {
        return run(work, List.of("--dump-dom", url));
    }

    private String run(Path work, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + Files.createTempDirectory(work, "profile")));
        cmd.addAll(args);
        Path out = Files.createTempFile(work, "chromium", ".out"), err = Files.createTempFile(work, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 90 s: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited with " + p.exitValue() + ": " + Files.readString(err, StandardCharsets.UTF_8));
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
