package org.vaml4j.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference trajectory CSV of the MuJoCo harness (anchors/mujoco/bench.c) and a replay of its
 * physics on our engine: default state, then per row ctrl = action and frame_skip steps.
 */
final class TrajectoryReplay {

    /** (rows x columns) numbers of the CSV, header names in {@link #header}. */
    final List<double[]> rows = new ArrayList<>();
    final String[] header;

    TrajectoryReplay(String file) throws IOException {
        InputStream in = TrajectoryReplay.class.getResourceAsStream("trajectories/" + file + ".csv");
        if (in == null) throw new IOException("missing test resource trajectories/" + file + ".csv");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            header = r.readLine().split(",");
            for (String line; (line = r.readLine()) != null; ) {
                String[] p = line.split(",");
                double[] x = new double[p.length];
                for (int i = 0; i < p.length; i++) x[i] = Double.parseDouble(p[i]);
                rows.add(x);
            }
        }
    }

    /**
     * Replays the file's actions on {@code m}; returns the max |qpos, qvel error| of every row
     * (row 0 = initial state).
     */
    double[] replay(Model m, int frameSkip) {
        Data d = new Data(m);
        Forward.forward(m, d);
        double[] err = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            double[] x = rows.get(k);
            if (k > 0) {
                for (int a = 0; a < m.nu; a++) d.ctrl[a] = x[2 + a];
                for (int i = 0; i < frameSkip; i++) Step.step(m, d);
            }
            double e = 0;
            for (int i = 0; i < m.nq; i++) e = Math.max(e, Math.abs(d.qpos[i] - x[2 + m.nu + i]));
            for (int i = 0; i < m.nv; i++) e = Math.max(e, Math.abs(d.qvel[i] - x[2 + m.nu + m.nq + i]));
            err[k] = e;
        }
        return err;
    }

    /** Max of err[0..upTo]. */
    static double maxUpTo(double[] err, int upTo) {
        double e = 0;
        for (int k = 0; k <= upTo && k < err.length; k++) e = Math.max(e, err[k]);
        return e;
    }
}
