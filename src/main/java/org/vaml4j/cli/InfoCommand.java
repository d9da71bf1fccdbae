package org.vaml4j.cli;

import java.io.PrintStream;
import java.util.List;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.kernel.Kernels;
import org.vaml4j.kernel.device.Cuda;

/** {@code vaml4j info}: backend, vector lanes, threads, JDK, CUDA. */
final class InfoCommand implements Command {

    @Override public String name() { return "info"; }

    @Override public String summary() { return "print the kernel backend, vector lanes, threads, JDK and the CUDA GPU"; }

    @Override
    public String help() {
        return "usage: vaml4j info\n\nPrints the version, the JDK, the kernel backend this JVM selects "
                + "(vector when jdk.incubator.vector is present, else scalar), its float lanes, the thread count, and\n"
                + "whether run.kernels=cuda can run here: the GPU (memory, compute capability, SMs, driver and runtime\n"
                + "versions) or why not.\n";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) throw new UsageException("takes no arguments, got " + args);
        int threads = Runtime.getRuntime().availableProcessors();
        Kernels k = KernelChoice.select("auto", threads);
        String version = Main.class.getPackage().getImplementationVersion();
        out.println("vaml4j   " + (version == null ? "(development build)" : version));
        out.println("jdk      " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.home") + ")");
        out.println("backend  " + k.name());
        out.println("lanes    " + k.lanes() + " floats per vector");
        out.println("threads  " + threads);
        out.println("vector   " + (KernelChoice.vectorApiPresent() ? "jdk.incubator.vector present"
                : "jdk.incubator.vector absent: scalar kernels (run with --add-modules jdk.incubator.vector)"));
        out.println("cuda     " + Cuda.status().describe());
        return 0;
    }
}
