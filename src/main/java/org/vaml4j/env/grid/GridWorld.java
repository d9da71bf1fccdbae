package org.vaml4j.env.grid;

import java.util.random.RandomGenerator;
import org.vaml4j.env.Box;
import org.vaml4j.env.Discrete;
import org.vaml4j.env.SeededEnv;
import org.vaml4j.env.TaskFunctions;
import org.vaml4j.env.Transition;

/**
 * The model-advantage paper's gridworld (MA §5.1): an N x N MiniGrid-Empty layout (walls on the
 * border, (N - 2)² free cells), agent starting at the top-left free cell (1, 1), absorbing goal at
 * the bottom-right (N - 2, N - 2), four cardinal moves, deterministic.
 *
 * <p>The paper's code is not public; this is the reconstruction of {@code anchors/CLASSIC.md},
 * consistent with every stated fact ("return > 1 ⇔ goal reached; fewer steps, higher return"):
 * <ul>
 *   <li>actions 0 north (y - 1), 1 south (y + 1), 2 east (x + 1), 3 west (x - 1); a move into a
 *       wall leaves the agent in place (the step still counts)
 *   <li>dense reward (d_{t-1} - d_t) / d0, d = Euclidean cell distance to the goal,
 *       d0 = √2 (N - 3) the start distance: an episode's dense rewards sum to 1 - d_final / d0
 *   <li>entering the goal adds MiniGrid's {@code 1 - 0.9 t / maxSteps} (t counts this step) and
 *       terminates; maxSteps = 4 N² is also the default TimeLimit (N = 5: 100, 8: 256, 12: 576, 16: 1024)
 *   <li>observation: one-hot of the state index over the S = (N - 2)² free cells (Box(S) in [0, 1]),
 *       {@code s = (y - 1)(N - 2) + (x - 1)}; the model predicts a categorical over these cells
 * </ul>
 * The reset is deterministic (the stream is unused). {@link #table()} exposes the exact MDP.
 */
public final class GridWorld extends SeededEnv {

    public static final int NORTH = 0, SOUTH = 1, EAST = 2, WEST = 3;
    private static final int[] DX = {0, 0, 1, -1}, DY = {-1, 1, 0, 0};

    private final int size, side, states, maxSteps;
    private final GridTable table;
    private final Box obsSpace;
    private final Functions functions;
    private int state, t;

    /** An N x N grid, N ≥ 4 (walls included). */
    public GridWorld(int size) {
        if (size < 4 || size > 128) throw new IllegalArgumentException("GridWorld: size must be in [4, 128], got " + size);
        this.size = size;
        this.side = size - 2;
        this.states = side * side;
        this.maxSteps = 4 * size * size;
        this.table = buildTable();
        this.obsSpace = Box.uniform(states, 0, 1);
        this.functions = new Functions(states, table.goal());
    }

    @Override public String id() { return "GridEmpty-" + size + "x" + size; }

    @Override public Box observationSpace() { return obsSpace; }

    @Override public Discrete actionSpace() { return new Discrete(4); }

    @Override public TaskFunctions functions() { return functions; }

    public int size() { return size; }

    /** The exact transition and reward table. */
    public GridTable table() { return table; }

    /** The current state index. */
    public int state() { return state; }

    /** Steps taken in this episode. */
    public int stepCount() { return t; }

    /** Cell (x, y) of state {@code s}. */
    public int[] cell(int s) {
        return new int[] {s % side + 1, s / side + 1};
    }

    /** State index of the free cell (x, y). */
    public int stateOf(int x, int y) {
        if (x < 1 || x > side || y < 1 || y > side) {
            throw new IllegalArgumentException("GridWorld: (" + x + ", " + y + ") is not a free cell of " + id());
        }
        return (y - 1) * side + (x - 1);
    }

    /** The one-hot observation of state {@code s} (S). */
    public double[] observation(int s) {
        double[] o = new double[states];
        o[s] = 1.0;
        return o;
    }

    /** MiniGrid's goal reward {@code 1 - 0.9 t / maxSteps} for reaching the goal on step t. */
    public static double goalBonus(int t, int maxSteps) {
        return 1.0 - 0.9 * ((double) t / maxSteps);
    }

    @Override
    protected double[] start(RandomGenerator rng) {
        state = table.start();
        t = 0;
        return observation(state);
    }

    @Override
    protected Transition advance(double[] action) {
        int a = (int) actionSpace().validate("GridWorld action", action)[0];
        t++;
        double reward = table.reward(state, a, t);
        state = table.next(state, a);
        return new Transition(observation(state), reward, state == table.goal(), false);
    }

    private GridTable buildTable() {
        int[] next = new int[states * 4];
        double[] dense = new double[states * 4];
        int goal = stateOf(side, side);
        double d0 = Math.sqrt(2) * (size - 3);
        for (int s = 0; s < states; s++) {
            int x = s % side + 1, y = s / side + 1;
            for (int a = 0; a < 4; a++) {
                int nx = x + DX[a], ny = y + DY[a];
                boolean wall = nx < 1 || nx > side || ny < 1 || ny > side;
                int ns = (s == goal || wall) ? s : stateOf(nx, ny); // the goal is absorbing
                next[s * 4 + a] = ns;
                // r = (d(s) - d(s')) / d0
                dense[s * 4 + a] = s == goal ? 0.0 : (distance(s, goal) - distance(ns, goal)) / d0;
            }
        }
        return new GridTable(states, 4, next, dense, stateOf(1, 1), goal, maxSteps);
    }

    private double distance(int s, int goal) {
        return StrictMath.hypot(s % side - goal % side, s / side - goal / side);
    }

    /**
     * Termination from observations: the observed state is the argmax of the vector (first
     * maximum), so a predicted categorical works too; terminal iff that is the goal (or the
     * vector has a non-finite entry). The reward is <b>not</b> a function of observations: the
     * goal bonus decays with the step count; use {@link GridTable#reward(int, int, int)}.
     */
    public static final class Functions implements TaskFunctions {

        private final int states, goal;

        Functions(int states, int goal) {
            this.states = states;
            this.goal = goal;
        }

        @Override public int obsDim() { return states; }

        @Override public int actDim() { return 1; }

        @Override public boolean rewardFromObservations() { return false; }

        @Override
        public double reward(double[] obs, int o, double[] act, int a, double[] next, int n) {
            throw new UnsupportedOperationException("GridWorld reward depends on the step count (goal bonus "
                    + "1 - 0.9 t / maxSteps); use GridTable.reward(s, a, t)");
        }

        @Override
        public boolean terminated(double[] next, int n) {
            int best = 0;
            for (int i = 0; i < states; i++) {
                double v = next[n + i];
                if (!Double.isFinite(v)) return true;
                if (v > next[n + best]) best = i;
            }
            return best == goal;
        }
    }
}
