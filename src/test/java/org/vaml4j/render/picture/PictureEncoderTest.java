package org.vaml4j.render.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PictureEncoderTest {

    @Test
    void shapesBecomeTaggedArraysAndColorsOneSharedTable() {
        Color red = Color.hex("#ff0000"), grey = Color.hex("#808080").withAlpha(0.5);
        PictureEncoder enc = new PictureEncoder();
        String a = enc.encode(new Picture(10, 10, List.of(
                new Polygon(new double[] {0, 0, 1.25, 0, 1, 1}, red),
                new Stadium(0, 0, 1, 10, 0, 1, new LinearGradient(0, 1, 0, -1, List.of(new Stop(0, grey), new Stop(1, red))),
                        new Stroke(grey, 1)),
                new Disc(3, 4, 5, new RadialGradient(3, 4, 5, List.of(new Stop(0, red))), Stroke.NONE),
                new Segment(0, 0, 2, 2, grey, 1.5),
                new Group(0.25, List.of(new Disc(1, 1, 1, red, Stroke.NONE))))));
        assertEquals("[[0,0,null,0,0,1.3,0,1,1],"
                + "[1,[1,0,1,0,-1,0,1,1,0],[1,1],0,0,1,10,0,1,0,1.571],"
                + "[2,[2,3,4,5,0,0],null,3,4,5],"
                + "[3,1,1.5,0,0,2,2],"
                + "[4,0.25,[[2,0,null,1,1,1]]]]", a);
        enc.encode(new Picture(10, 10, List.of(new Disc(1, 1, 1, grey, Stroke.NONE))));
        assertEquals("[\"#ff0000\",\"rgba(128,128,128,0.5)\"]", enc.colorsJson());
    }
}
