package org.vaml4j.kernel;

/**
 * Picks the kernel backend explicitly and says which one it picked. No singleton: the caller
 * keeps the returned instance and passes it on.
 */
public final class KernelChoice {

    private KernelChoice() {}

    /** Whether the {@code jdk.incubator.vector} module is in the boot layer of this JVM. */
    public static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The backend named {@code "scalar"}, {@code "vector"} or {@code "auto"} (vector when the
     * module is present, else scalar). {@code threads} bounds the worker threads a backend may use.
     * {@code "cuda"} is no {@code float[]} backend: the GPU runs whole updates through a device
     * trainer ({@code run.kernels=cuda}), whose host-side kernels are {@code "auto"}.
     *
     * @throws IllegalArgumentException for an unknown name, "cuda", or "vector" without the module
     */
    public static Kernels select(String name, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        return switch (name) {
            case "scalar" -> new ScalarKernels();
            case "auto" -> vectorApiPresent() ? VectorBackend.create(threads) : new ScalarKernels();
            case "vector" -> {
                if (!vectorApiPresent()) {
                    throw new IllegalArgumentException("backend 'vector' needs the JVM flag "
                            + "--add-modules jdk.incubator.vector (bin/vaml4j passes it)");
                }
                yield VectorBackend.create(threads);
            }
            case "cuda" -> throw new IllegalArgumentException("backend 'cuda' is not a float[] kernel backend: "
                    + "the GPU is selected with run.kernels=cuda, which runs the training updates on the device "
                    + "(parameters, optimizer state and buffers stay there); its host-side kernels are select(\"auto\", ...)");
            default -> throw new IllegalArgumentException(
                    "unknown backend '" + name + "'; accepted: auto, vector, scalar (and cuda for run.kernels)");
        };
    }

    /** One line for logs: which backend runs and why. */
    public static String describe(Kernels k) {
        if (k instanceof ScalarKernels && !vectorApiPresent()) {
            return "kernels: scalar (jdk.incubator.vector not present; start the JVM with "
                    + "--add-modules jdk.incubator.vector for the SIMD backend)";
        }
        return "kernels: " + k.name() + " (" + k.lanes() + " float lanes)";
    }

    /** Loads the vector backend only when asked, so its classes never load without the module. */
    private static final class VectorBackend {
        static Kernels create(int threads) {
            return new VectorKernels(threads);
        }
    }
}
