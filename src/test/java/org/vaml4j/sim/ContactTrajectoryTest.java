package org.vaml4j.sim;

import org.junit.jupiter.api.Test;

class ContactTrajectoryTest {
    @Test
    void explore() throws Exception {
        for (String f : new String[] {"hopper", "hopper_passive", "walker2d", "walker2d_passive", "half_cheetah",
                "half_cheetah_passive", "ant", "ant_passive", "humanoid", "humanoid_passive", "pusher", "pusher_passive"}) {
            String task = f.replace("_passive", "");
            Model m = MjcfLoader.loadResource(task);
            TrajectoryReplay tr = new TrajectoryReplay(f);
            double[] err = tr.replay(m, (int) m.numeric().get("frame_skip")[0]);
            StringBuilder sb = new StringBuilder(f + ":");
            int first = -1;
            for (int k = 0; k < tr.rows.size(); k++) {
                double[] x = tr.rows.get(k);
                if (first < 0 && x[x.length - 1] > 0) first = k;
            }
            sb.append(" firstContact=" + first);
            for (int k : new int[] {0, 5, 10, 15, 20, 30, 50, 100, 150, 200}) sb.append(String.format(" %d:%.1e", k, err[k]));
            System.out.println(sb);
        }
    }
}
