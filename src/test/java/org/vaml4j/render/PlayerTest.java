package org.vaml4j.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaml4j.render.classic.PendulumDrawing;
import org.vaml4j.render.picture.Picture;

class PlayerTest {

    static Recording recording(String title) {
        List<Picture> frames = List.of(PendulumDrawing.draw(0), PendulumDrawing.draw(0.5), PendulumDrawing.draw(1));
        return new Recording(title, 0.05, frames, new double[] {0, -1.25, -2.5}, false);
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void thePageIsSelfContained() {
        String html = Player.page(recording("Pendulum <test> & co"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Pendulum &lt;test&gt; &amp; co</title>"), "title escaped");
        assertFalse(html.contains("<test>"));
        assertFalse(html.contains("src=") || html.contains("href="), "no external script, style or link");
        assertTrue(html.contains("\"returns\":[0,-1.25,-2.5]"));
        assertTrue(html.contains("\"dt\":0.05"));
        assertEquals(3, count(html.substring(html.indexOf("\"frames\":")), "[[0,"), "one picture per frame (each starts with the background)");
        assertTrue(html.contains("max=\"2\""), "scrubber over the steps");
        assertTrue(html.contains("2 steps, 0.10 s simulated, return -2.5"), "summary line");
    }

    @Test
    void fragmentsEmbedSideBySideAndDefineThePainterOnce() {
        String page = Player.fragment(recording("best"), "best-seed") + Player.fragment(recording("worst"), "worst-seed");
        assertEquals(1, count(page, "id=\"best-seed\""));
        assertEquals(1, count(page, "id=\"worst-seed\""));
        assertEquals(2, count(page, "if (window.vaml4jPlayer) return;"), "each fragment carries the script, which defines itself once");
        assertTrue(page.contains("vaml4jPlayer(document.getElementById(\"worst-seed\"), {"));
        String m = assertThrows(IllegalArgumentException.class, () -> Player.fragment(recording("x"), "1st")).getMessage();
        assertTrue(m.contains("letter"), m);
    }

    @Test
    void recordingsCheckTheirParts() {
        List<Picture> one = List.of(PendulumDrawing.draw(0));
        assertThrows(IllegalArgumentException.class, () -> new Recording("t", 0.05, one, new double[2], false));
        assertThrows(IllegalArgumentException.class, () -> new Recording("t", 0, one, new double[1], false));
        assertThrows(IllegalArgumentException.class, () -> new Recording("t", 0.05, List.of(), new double[0], false));
    }

    @Test
    void theFilmStripSpreadsItsPanelsOverTheEpisode() {
        String svg = FilmStrip.svg(recording("strip"), 6);
        assertEquals(3, count(svg, "<clipPath"), "no more panels than frames");
        assertTrue(svg.contains("step 0 ") && svg.contains("step 1 ") && svg.contains("step 2 "));
        assertTrue(svg.contains("id=\"f2-0\""), "gradient ids per panel");
        String two = FilmStrip.svg(recording("strip"), 2);
        assertTrue(two.contains("step 0 ") && two.contains("step 2 ") && !two.contains("step 1 "), "first and last");
    }
}
