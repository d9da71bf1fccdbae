/**
 * Watching a policy: {@link org.vaml4j.render.Rollout} plays an episode on an env and draws each
 * state with the env's {@link org.vaml4j.render.EnvView} (a 3-D scene of the simulator tasks,
 * 2-D drawings of the classic control tasks); {@link org.vaml4j.render.Player} makes the
 * self-contained HTML player of the {@link org.vaml4j.render.Recording} (a page, or a fragment
 * to embed in a report) and {@link org.vaml4j.render.FilmStrip} an SVG strip of frames.
 *
 * <pre>{@code
 * Env env = EnvRegistry.standard().make("hopper");
 * EnvView view = EnvViews.of(env, CameraMode.TRACK);
 * Recording r = Rollout.record(env, view, new RandomPolicy(env.actionSpace(), 0), 0, 1000, "Hopper, random actions");
 * Files.writeString(Path.of("hopper.html"), Player.page(r));
 * }</pre>
 *
 * Imports {@code sim} and {@code env}; neither imports this package.
 */
package org.vaml4j.render;
