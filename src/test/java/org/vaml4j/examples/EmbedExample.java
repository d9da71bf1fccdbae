package org.vaml4j.examples;

// README.md, "Embed", shows this file from the next line on (ReadmeExamplesTest keeps the two equal).
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.kernel.KernelChoice;
import org.vaml4j.rl.OffPolicyLoopConfig;
import org.vaml4j.rl.SacConfig;
import org.vaml4j.rl.SacTrainer;

public class EmbedExample {
    public static void main(String[] args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        EnvRegistry envs = EnvRegistry.standard();
        SacTrainer trainer = new SacTrainer(envs.make("pendulum"), envs.make("pendulum"),
                SacConfig.defaults(), OffPolicyLoopConfig.defaults(), 0, KernelChoice.select("auto", 1));
        trainer.train(steps, e -> {
            if (e.evaluated()) System.out.printf("step %d: eval return %.1f%n", e.step(), e.evalReturn());
        });
        float[] action = new float[1];
        trainer.agent().act(new float[] {1f, 0f, 0f}, 1, action, true, null);   // upright and still
        System.out.printf("torque at the top: %.3f%n", 2 * action[0]);          // (-1, 1) onto [-2, 2]
        System.out.printf("mean return of 10 episodes: %.1f%n", trainer.evaluate(10));
    }
}
