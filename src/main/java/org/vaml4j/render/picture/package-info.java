/**
 * Two-dimensional vector pictures: {@link org.vaml4j.render.picture.Picture} holds shapes
 * (polygons, stadiums, discs, segments, groups) filled with colours or gradients, in picture
 * coordinates (x right, y down). {@link org.vaml4j.render.picture.SvgPainter} writes them as SVG,
 * {@link org.vaml4j.render.picture.PictureEncoder} as the compact JSON the HTML player draws on a
 * canvas, so both outputs show the same picture. Depends on nothing else in vaml4j.
 */
package org.vaml4j.render.picture;
