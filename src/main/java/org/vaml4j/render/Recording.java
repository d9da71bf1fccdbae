package org.vaml4j.render;

import java.util.List;
import org.vaml4j.render.picture.Picture;

/**
 * A drawn episode: frame 0 shows the state after reset, frame k the state after step k;
 * {@code returns[k]} is the undiscounted return of the first k steps (0 at frame 0).
 *
 * @param title      one line naming the task and the policy, shown above the player
 * @param dt         simulated seconds per step (the player's real-time rate)
 * @param terminated whether the episode ended by termination (rather than by its step budget or time limit)
 */
public record Recording(String title, double dt, List<Picture> frames, double[] returns, boolean terminated) {

    public Recording {
        if (title == null) throw new IllegalArgumentException("recording title must not be null");
        if (!(dt > 0 && Double.isFinite(dt))) throw new IllegalArgumentException("recording dt must be finite and > 0, got " + dt);
        if (frames == null || frames.isEmpty()) throw new IllegalArgumentException("recording needs at least one frame");
        frames = List.copyOf(frames);
        if (returns == null || returns.length != frames.size()) {
            throw new IllegalArgumentException("recording needs one return per frame (" + frames.size() + "), got "
                    + (returns == null ? "null" : returns.length));
        }
        returns = returns.clone();
        for (int k = 0; k < returns.length; k++) {
            if (!Double.isFinite(returns[k])) throw new IllegalArgumentException("recording return at frame " + k + " is " + returns[k]);
        }
        Picture first = frames.get(0);
        for (int k = 1; k < frames.size(); k++) {
            Picture p = frames.get(k);
            if (p.width() != first.width() || p.height() != first.height()) {
                throw new IllegalArgumentException("recording frames must share one size: frame 0 is " + first.width() + " x "
                        + first.height() + ", frame " + k + " is " + p.width() + " x " + p.height());
            }
        }
    }

    @Override
    public double[] returns() {
        return returns.clone();
    }

    /** Env steps taken (frames - 1). */
    public int steps() {
        return frames.size() - 1;
    }

    /** The episode's undiscounted return. */
    public double totalReturn() {
        return returns[returns.length - 1];
    }

    /** Picture width and height of every frame. */
    public int width() {
        return frames.get(0).width();
    }

    public int height() {
        return frames.get(0).height();
    }
}
