/**
 * Three-dimensional pictures of simulator models: {@link org.vaml4j.render.scene.BodyScene}
 * paints a configuration (sky, floor and grid, shadows, and every geom: sphere, capsule, box,
 * cylinder, ellipsoid, in depth order) seen by a perspective camera that follows the tracked body
 * from the side chosen by a {@link org.vaml4j.render.scene.CameraMode}. Inside, the camera and
 * frame math is JOML's: {@code Camera} holds the view ({@code lookAt}) and perspective matrices,
 * {@code CameraRig} turns the camera into place with a quaternion, {@code Frames} reads the
 * simulator's frame arrays as JOML vectors and quaternions. JOML stays out of the public API (the
 * jar carries it relocated). Imports {@code sim} read-only (the kinematics run on the scene's own
 * {@code Data}); {@code sim} never imports this package, and the simulator's hot path stays on
 * plain arrays.
 */
package org.vaml4j.render.scene;
