/**
 * Two-dimensional drawings of the classic control tasks (Pendulum, CartPole, Acrobot,
 * MountainCar) from their state variables, in the palette of the 3-D scenes.
 */
package org.vaml4j.render.classic;
