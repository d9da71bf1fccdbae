package org.vaml4j.cli;

import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.device.Cuda;

/** The setting {@code run.kernels} as the commands read it: the host-side kernels of a run. */
final class RunKernels {

    private RunKernels() {}

    /**
     * {@code auto}, {@code vector} and {@code scalar} as {@link KernelChoice#select}. {@code cuda}
     * first checks that CUDA is usable here (else a {@link UsageException} with the reason, thrown
     * before anything is written) and then gives the {@code auto} kernels for the work that stays
     * on the host; the algorithm reads {@code run.kernels} itself and opens the GPU.
     */
    static Kernels select(String name, int threads) {
        if (!name.equals("cuda")) return KernelChoice.select(name, threads);
        Cuda.Status gpu = Cuda.status();
        if (!gpu.usable()) throw new UsageException("run.kernels=cuda: CUDA is not usable here: " + gpu.reason());
        return KernelChoice.select("auto", threads);
    }

    /** {@link KernelChoice#describe}, with the GPU when {@code name} is cuda. */
    static String describe(String name, Kernels k) {
        String host = KernelChoice.describe(k);
        return name.equals("cuda") ? host + " on the host; cuda: " + Cuda.status().describe() : host;
    }
}
