/**
 * Three-dimensional pictures of simulator models. {@link org.vaml4j.render.scene.Camera} holds
 * the JOML view and perspective matrices, {@link org.vaml4j.render.scene.CameraRig} places it
 * for a {@link org.vaml4j.render.scene.CameraMode} behind the tracked body,
 * {@link org.vaml4j.render.scene.Frames} turns the simulator's frame arrays into JOML vectors and
 * quaternions, and {@link org.vaml4j.render.scene.BodyScene} paints a configuration: sky, floor
 * and grid, shadows, and every geom (sphere, capsule, box, cylinder, ellipsoid) in depth order.
 * Imports {@code sim} (read-only: it runs the kinematics on its own {@code Data}); {@code sim}
 * never imports this package, and the simulator's hot path stays on plain arrays.
 */
package org.vaml4j.render.scene;
