package org.vaml4j.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.vaml4j.mbrl.Mbpo;
import org.vaml4j.rl.TrainingListener;

/**
 * MBPO_EPOCH: wall seconds per MBPO epoch (epochLength env steps: model trainings, rollouts, SAC
 * updates), split by phase.
 *
 * <p>Protocol: the run is built with {@code startSteps} = the exploration of the preset plus
 * {@code dataEpochs} epochs (e.g. 5000 + 10 x 1000 for Hopper), so when the timed part starts the
 * real buffer holds as many transitions as at epoch {@code dataEpochs} of a normal run; those
 * steps are random exploration and are not timed. Then {@code warmupEpochs} epochs run untimed
 * (the first model training starts from random weights, later ones are warm, as in a normal run),
 * then {@code epochs} epochs are timed one by one. Differences to a real epoch 10: the policy is
 * younger (exploration data instead of SAC data) and the rollout-length schedule is read at the
 * epochs counted after the exploration (Hopper's length is 1 up to epoch 20 either way).
 *
 * <p>Each timed epoch also reports the CPU seconds of the calling thread: with one kernel thread
 * ({@code run.threads=1}) all work runs on it, so that figure is what the epoch costs on a
 * machine where other processes take turns on the cores (wall time then overstates it).
 */
public final class MbpoEpochBench {

    /** One timed epoch: wall seconds in total and per phase, and how big the data were. */
    public record Epoch(int index, double wallSeconds, double cpuSeconds, double modelTrainingSeconds, double rolloutSeconds,
                        double sacSeconds, int modelTrainings, int modelEpochs, int realTransitions, int modelTransitions) {

        /** Wall time not in the three phases: env steps, acting, evaluation. */
        public double otherSeconds() {
            return wallSeconds - modelTrainingSeconds - rolloutSeconds - sacSeconds;
        }
    }

    private MbpoEpochBench() {}

    /**
     * Times {@code epochs} epochs of {@code mbpo} after its exploration ({@code startSteps}) and
     * {@code warmupEpochs} untimed epochs; prints one line per epoch to {@code out}.
     */
    public static List<Epoch> run(Mbpo mbpo, long startSteps, int epochLength, int warmupEpochs, int epochs, PrintStream out) {
        long t0 = System.nanoTime();
        mbpo.train(startSteps, TrainingListener.none());
        out.printf("MBPO_EPOCH exploration: %d env steps in %.1f s%n", startSteps, (System.nanoTime() - t0) / 1e9);
        long step = startSteps;
        for (int e = 0; e < warmupEpochs; e++) {
            t0 = System.nanoTime();
            step += epochLength;
            Mbpo.Timings t = mbpo.timings();
            int trainings0 = t.modelTrainings(), epochs0 = t.modelEpochs();
            mbpo.train(step, TrainingListener.none());
            out.printf("MBPO_EPOCH warm-up epoch %d: %.1f s wall (untimed; %d model trainings of %d epochs in all)%n", e,
                    (System.nanoTime() - t0) / 1e9, t.modelTrainings() - trainings0, t.modelEpochs() - epochs0);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Epoch> result = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            Mbpo.Timings t = mbpo.timings();
            double m0 = t.modelTrainingSeconds(), r0 = t.rolloutSeconds(), s0 = t.sacSeconds();
            int trainings0 = t.modelTrainings(), epochs0 = t.modelEpochs();
            t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            step += epochLength;
            mbpo.train(step, TrainingListener.none());
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            Epoch ep = new Epoch(warmupEpochs + e, wall, cpu, t.modelTrainingSeconds() - m0, t.rolloutSeconds() - r0, t.sacSeconds() - s0,
                    t.modelTrainings() - trainings0, t.modelEpochs() - epochs0, mbpo.realBuffer().size(), mbpo.modelBuffer().buffer().size());
            out.printf("MBPO_EPOCH epoch %d: %.1f s wall, %.1f s CPU of the calling thread  (model training %.1f s in %d trainings of "
                    + "%d epochs in all, rollouts %.1f s, SAC updates %.1f s, other %.1f s; real %d, model buffer %d)%n", ep.index(), wall, cpu,
                    ep.modelTrainingSeconds(), ep.modelTrainings(), ep.modelEpochs(), ep.rolloutSeconds(), ep.sacSeconds(),
                    ep.otherSeconds(), ep.realTransitions(), ep.modelTransitions());
            result.add(ep);
        }
        return result;
    }
}
