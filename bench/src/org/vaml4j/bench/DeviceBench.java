package org.vaml4j.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vaml4j.kernel.ScalarKernels;
import org.vaml4j.kernel.device.Device;
import org.vaml4j.kernel.device.DeviceBuffer;
import org.vaml4j.kernel.device.Graph;
import org.vaml4j.rl.MetricMeans;
import org.vaml4j.rl.ReplayBuffer;
import org.vaml4j.rl.Rng;
import org.vaml4j.rl.Sac;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacStats;
import org.vaml4j.rl.device.DeviceSac;

/**
 * The engine workloads on a {@link Device} (the GPU), timed as the PyTorch GPU anchor
 * ({@code anchors/torch/gpu/graph_bench.py}) times its CUDA graphs: warm-up, then samples of
 * {@code inner} launches closed by one synchronize, the median of the per-launch times. Same CSV
 * columns as {@link EngineBench} (threads = 0: the work runs on the device).
 */
public final class DeviceBench {

    /** A device workload: {@code step} launches one iteration (asynchronously). */
    public record DeviceWorkload(String name, Runnable step, long flops, int inner, String notes) {}

    private DeviceBench() {}

    /** Every device workload by name; each factory builds its state on the given device. */
    public static Map<String, Function<Device, DeviceWorkload>> all() {
        Map<String, Function<Device, DeviceWorkload>> m = new LinkedHashMap<>();
        m.put("SAC_UPDATE", DeviceBench::sacUpdate);
        m.put("ENSEMBLE_TRAIN", d -> DeviceWorkloads.ensembleTrain(d, DeviceWorkloads.Shapes.mbpo()));
        m.put("ENSEMBLE_PREDICT_FULL", d -> DeviceWorkloads.ensemblePredictFull(d, DeviceWorkloads.Shapes.mbpo()));
        m.put("GEMM_256x200x200", d -> gemm(d, 256, 200, 200, 1, 50));
        m.put("GEMM_1024x1024x1024", d -> gemm(d, 1024, 1024, 1024, 1, 20));
        m.put("GEMM_4096x4096x4096", d -> gemm(d, 4096, 4096, 4096, 1, 3));
        m.put("BMM_7x256x200x200", d -> gemm(d, 256, 200, 200, 7, 50));
        m.put("BMM_7x100000x200x200", d -> gemm(d, 100_000, 200, 200, 7, 3));
        return m;
    }

    /** Runs {@code names} on {@code device}, one CSV row each (the header is EngineBench's). */
    public static void run(String label, Device device, List<String> names, int iters, int warmup, PrintStream out) {
        Map<String, Function<Device, DeviceWorkload>> registry = all();
        for (String n : names) {
            if (!registry.containsKey(n)) {
                throw new IllegalArgumentException("unknown device workload '" + n + "'; accepted: " + String.join(", ", registry.keySet()));
            }
        }
        out.println("# device: " + device.name());
        for (String n : names) {
            out.println(row(label, device, registry.get(n).apply(device), iters, warmup));
            out.flush();
        }
    }

    static String row(String label, Device device, DeviceWorkload w, int iters, int warmup) {
        long warmStart = System.nanoTime();
        for (int i = 0; i < warmup || System.nanoTime() - warmStart < 0.5e9; i++) w.step().run();
        device.synchronize();
        double[] ms = new double[iters];
        for (int s = 0; s < iters; s++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < w.inner(); i++) w.step().run();
            device.synchronize();
            ms[s] = (System.nanoTime() - t0) / 1e6 / w.inner();
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        String gflops = w.flops() > 0 ? String.format("%.1f", w.flops() / (median * 1e-3) / 1e9) : "";
        return String.format("%s,0,%s,%.4f,%.4f,%.4f,%d,%s,n/a,%s", label, w.name(), median, sorted[0], sorted[sorted.length - 1],
                iters, gflops, w.notes().replace(",", ";"));
    }

    /**
     * SAC_UPDATE: the anchor's shapes (obs 11, act 3, 2 x 256 ReLU, batch 256, critic + actor +
     * temperature + Polyak), one {@link DeviceSac} update (minibatch drawn on the device) per step.
     */
    static DeviceWorkload sacUpdate(Device d) {
        int obs = 11, act = 3;
        Sac sac = new Sac(obs, act, SacConfig.defaults(), new ScalarKernels(), new Rng(0));
        ReplayBuffer buf = new ReplayBuffer(10_000, obs, act);
        Rng r = new Rng(1);
        double[] s = new double[obs], a = new double[act], s2 = new double[obs];
        for (int i = 0; i < buf.capacity(); i++) {
            for (int j = 0; j < obs; j++) s[j] = r.nextGaussian();
            for (int j = 0; j < act; j++) a[j] = 2 * r.nextDouble() - 1;
            for (int j = 0; j < obs; j++) s2[j] = r.nextGaussian();
            buf.add(s, a, r.nextGaussian(), s2, r.nextInt(100) == 0);
        }
        DeviceSac dev = new DeviceSac(d, sac, buf.capacity(), 0);
        MetricMeans m = new MetricMeans(SacStats.NAMES);
        return new DeviceWorkload("SAC_UPDATE", () -> dev.update(buf, 1, m), 0, 10,
                "batch 256; 2x256; one captured CUDA graph per update; statistics read every " + 1024 + " updates");
    }

    /** {@code batch} products (m x k)(k x n) in one captured launch. */
    static DeviceWorkload gemm(Device d, int m, int n, int k, int batch, int inner) {
        DeviceBuffer a = random(d, batch * m * k, 1), b = random(d, batch * k * n, 2);
        DeviceBuffer c = d.allocate(DeviceBuffer.Kind.FLOAT, batch * m * n);
        Graph g = d.capture(() -> d.gemm(batch, false, false, m, n, k, 1f, a, 0, m * k, b, 0, k * n, 0f, c, 0, m * n));
        String name = batch == 1 ? "GEMM_" + m + "x" + n + "x" + k : "BMM_" + batch + "x" + m + "x" + n + "x" + k;
        return new DeviceWorkload(name, g::replay, 2L * batch * m * n * k, inner, "fp32 hand-written gemm; random inputs");
    }

    private static DeviceBuffer random(Device d, int n, long seed) {
        Rng r = new Rng(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (2 * r.nextDouble() - 1);
        DeviceBuffer b = d.allocate(DeviceBuffer.Kind.FLOAT, n);
        d.upload(x, 0, b, 0, n);
        return b;
    }

    /** The names in registry order. */
    public static List<String> names() {
        return new ArrayList<>(all().keySet());
    }
}
