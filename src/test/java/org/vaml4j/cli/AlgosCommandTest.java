package org.vaml4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlgosCommandTest {

    @Test
    void listsEveryAlgorithmWithItsPaper() {
        TrainCommandTest.Result r = TrainCommandTest.run("algos");
        assertEquals(0, r.code());
        for (String a : new String[] {"sac", "mbpo", "va-mbrl", "mbac"}) assertTrue(r.out().contains("  " + a + " "), r.out());
        assertTrue(r.out().contains("Lovatto et al. 2020, Algorithm 1") && r.out().contains("Modhe et al., Algorithm 2"), r.out());
        TrainCommandTest.Result one = TrainCommandTest.run("algos", "mbac");
        assertTrue(one.out().contains("paper      Lovatto"), one.out());
        TrainCommandTest.Result bad = TrainCommandTest.run("algos", "ppo");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown algorithm 'ppo'") && bad.err().contains("va-mbrl"), bad.err());
    }

    @Test
    void trainTakesALossByNameAndListsTheLossesForAnUnknownOne(@TempDir Path dir) {
        TrainCommandTest.Result cfg = TrainCommandTest.run("train", "--algo", "mbpo", "--loss", "vagram", "--env", "pendulum", "--show-config");
        assertEquals(0, cfg.code(), cfg.err());
        assertTrue(cfg.out().contains("model.loss=vagram"), cfg.out());
        TrainCommandTest.Result bad = TrainCommandTest.run("train", "--algo", "mbpo", "--loss", "nll", "--env", "pendulum", "--steps", "10",
                "--out", dir.resolve("x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown model loss 'nll'") && bad.err().contains("itervaml"), bad.err());
        TrainCommandTest.Result va = TrainCommandTest.run("train", "--algo", "va-mbrl", "--env", "pendulum", "--show-config");
        assertTrue(va.out().contains("model.loss=ma-l1") && va.out().contains("va.correction=refresh"), va.out());
    }
}
