package org.vaml4j.render.picture;

/** How a shape is filled: one colour or a gradient in picture coordinates. */
public sealed interface Paint permits Color, LinearGradient, RadialGradient {}
