package org.vaml4j.render.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColorTest {

    @Test
    void hexMixAndCss() {
        Color c = Color.hex("#4c72b0");
        assertEquals(new Color(0x4c, 0x72, 0xb0, 1), c);
        assertEquals("#4c72b0", c.css());
        assertEquals("#ffffff", c.lighter(1).css());
        assertEquals(new Color(38, 57, 88, 1), c.darker(0.5));
        assertEquals("rgba(76,114,176,0.25)", c.withAlpha(0.25).css());
    }

    @Test
    void badColorsNameTheRule() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Color.hex("blue")).getMessage().contains("#rrggbb"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Color(256, 0, 0, 1)).getMessage().contains("[0, 255]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Color(0, 0, 0, 2)).getMessage().contains("alpha"));
    }
}
