package org.vaml4j.sim;

import java.io.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void run() throws Exception {
        for (String t : new String[] {"swimmer", "swimmer_passive", "reacher", "reacher_passive", "inverted_pendulum", "inverted_pendulum_passive", "inverted_double_pendulum", "inverted_double_pendulum_passive"}) {
            String task = t.replace("_passive", "");
            Model m = MjcfLoader.loadResource(task);
            Data d = new Data(m);
            Forward.forward(m, d);
            int fs = (int) m.numeric().get("frame_skip")[0];
            BufferedReader r = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream("trajectories/" + t + ".csv")));
            String[] head = r.readLine().split(",");
            String line; double maxErr = 0; int firstBad = -1; int step = 0;
            while ((line = r.readLine()) != null) {
                String[] v = line.split(",");
                double[] x = Arrays.stream(v).mapToDouble(Double::parseDouble).toArray();
                int k = (int) x[0];
                if (k > 0) {
                    for (int a = 0; a < m.nu; a++) d.ctrl[a] = x[2 + a];
                    for (int i = 0; i < fs; i++) Step.step(m, d);
                }
                double e = 0;
                for (int i = 0; i < m.nq; i++) e = Math.max(e, Math.abs(d.qpos[i] - x[2 + m.nu + i]));
                for (int i = 0; i < m.nv; i++) e = Math.max(e, Math.abs(d.qvel[i] - x[2 + m.nu + m.nq + i]));
                if (e > 1e-6 && firstBad < 0) firstBad = k;
                if (k <= 25 || firstBad < 0) maxErr = Math.max(maxErr, e);
                if (k == 1 || k == 5) System.out.println(t + " step " + k + " err " + e + " qvel0 " + d.qvel[0] + " ref " + x[2 + m.nu + m.nq]);
            }
            System.out.println(t + " firstBad=" + firstBad + " maxErrBefore=" + maxErr);
        }
    }
}
