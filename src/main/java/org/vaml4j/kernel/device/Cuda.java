package org.vaml4j.kernel.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whether the CUDA backend can run here, and the door to it. The native library
 * ({@code libvaml4j_cuda.so}, built from {@code native/} with the CUDA runtime linked statically)
 * travels inside the jar and is loaded only when {@link #status()} or {@link #open()} is first
 * called; on a machine with no library, no driver or no GPU the status says which, and nothing
 * else changes.
 */
public final class Cuda {

    /** Where the jar carries the library. */
    static final String RESOURCE = "/org/vaml4j/native/linux-x86_64/libvaml4j_cuda.so";

    /**
     * What {@link #status()} found.
     *
     * @param usable  a GPU can be opened
     * @param reason  why not, when not usable (one line)
     * @param gpu     the device name ("" when none)
     * @param totalBytes device memory
     * @param freeBytes  free device memory at the probe
     * @param capability compute capability, e.g. "9.0"
     * @param driver  CUDA driver and runtime versions, e.g. "driver 13.0, runtime 13.0"
     * @param multiprocessors streaming multiprocessors
     */
    public record Status(boolean usable, String reason, String gpu, long totalBytes, long freeBytes, String capability,
                         String driver, int multiprocessors) {

        /** One line for {@code vaml4j info} and logs. */
        public String describe() {
            if (!usable) return "not usable: " + reason;
            return gpu + ", " + String.format("%.0f GiB", totalBytes / (double) (1L << 30)) + ", compute capability " + capability
                    + ", " + multiprocessors + " SMs, " + driver;
        }
    }

    private static Status status;   // probed once per JVM: loading a native library cannot be undone

    private Cuda() {}

    /** Loads the library (once) and probes the GPU; never throws. */
    public static synchronized Status status() {
        if (status == null) status = probe();
        return status;
    }

    /**
     * Opens the first GPU.
     *
     * @throws IllegalStateException with {@link Status#reason()} when CUDA is not usable
     */
    public static CudaDevice open() {
        Status s = status();
        if (!s.usable()) throw new IllegalStateException("run.kernels=cuda: CUDA is not usable here: " + s.reason());
        return new CudaDevice("cuda (" + s.gpu() + ")");
    }

    private static Status probe() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return none("the CUDA library is built for Linux x86-64 only; this is " + os + " " + arch);
        }
        String override = System.getProperty("vaml4j.cuda.library");
        try {
            if (override != null) {
                System.load(Path.of(override).toAbsolutePath().toString());
            } else {
                try (InputStream in = Cuda.class.getResourceAsStream(RESOURCE)) {
                    if (in == null) {
                        return none("this jar carries no CUDA library (it was built where nvcc was not found; "
                                + "build it with the CUDA toolkit installed, or set -Dvaml4j.cuda.library=PATH to a "
                                + "libvaml4j_cuda.so from native/build.sh)");
                    }
                    Path tmp = Files.createTempFile("vaml4j_cuda", ".so");
                    tmp.toFile().deleteOnExit();
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    System.load(tmp.toString());
                }
            }
        } catch (IOException e) {
            return none("could not unpack the CUDA library: " + e.getMessage());
        } catch (UnsatisfiedLinkError e) {
            return none("could not load the CUDA library: " + e.getMessage());
        }
        String[] p;
        try {
            p = CudaNative.probe();
        } catch (UnsatisfiedLinkError e) {
            return none("the CUDA library lacks its probe function: " + e.getMessage());
        }
        if (!p[0].equals("ok")) return none(p[0]);
        return new Status(true, "", p[1], Long.parseLong(p[2]), Long.parseLong(p[3]), p[4] + "." + p[5],
                "driver " + version(p[6]) + ", runtime " + version(p[7]), Integer.parseInt(p[8]));
    }

    private static String version(String v) {
        int n = Integer.parseInt(v);
        return (n / 1000) + "." + (n % 1000) / 10;
    }

    private static Status none(String reason) {
        return new Status(false, reason.strip().replaceAll("\\s*\\R\\s*", " "), "", 0, 0, "", "", 0);
    }
}
