package org.vaml4j.render;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaml4j.env.Env;
import org.vaml4j.env.EnvRegistry;
import org.vaml4j.render.scene.CameraMode;

/**
 * Opens the HTML player of a Hopper episode in headless Chromium: the script runs (the DOM shows
 * the step read-out it writes), frame 0 is a real drawing (the hopper's orange limbs over the
 * grey-blue floor, many colours) and a later frame differs from it inside the canvas. Skipped,
 * saying why, where no Chromium is installed. The screenshots are kept in target/render-browser/.
 */
class PlayerBrowserTest {

    static final int WIDTH = 1280, HEIGHT = 900;
    /** well inside the canvas, which the page centres at up to 960 px wide below its title */
    static final int X0 = 300, X1 = 980, Y0 = 130, Y1 = 560;

    @Test
    void theHopperPlayerDrawsFrameZeroAndALaterFrameDiffers(@TempDir Path dir) throws Exception {
        Chromium chromium = Chromium.find().orElse(null);
        assumeTrue(chromium != null, "no Chromium on PATH (tried " + Chromium.NAMES + "); install it with apt-get install -y chromium");

        Env env = EnvRegistry.standard().make("hopper");
        Recording r = Rollout.record(env, EnvViews.of(env, CameraMode.TRACK), new RandomPolicy(env.actionSpace(), 7), 7, 60,
                "Hopper-v4, random actions, seed 7");
        assertTrue(r.steps() >= 10, "the episode lasts a while: " + r.steps());
        Path page = dir.resolve("hopper.html");
        Files.writeString(page, Player.page(r));
        String url = page.toUri().toString();
        int later = r.steps();

        String dom = chromium.dumpDom(url + "#frame=" + later, dir);
        assertTrue(dom.contains("data-ready=\"true\""), "the player script ran");
        assertTrue(dom.contains("step " + later + " / " + r.steps()), "the read-out shows the chosen frame");

        Path first = dir.resolve("frame-0.png"), last = dir.resolve("frame-" + later + ".png");
        chromium.screenshot(url + "#frame=0", first, WIDTH, HEIGHT, dir);
        chromium.screenshot(url + "#frame=" + later, last, WIDTH, HEIGHT, dir);
        keep(first, last);
        BufferedImage a = ImageIO.read(first.toFile()), b = ImageIO.read(last.toFile());

        int orange = 0, floor = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        long differing = 0;
        for (int y = Y0; y < Y1; y++) {
            for (int x = X0; x < X1; x++) {
                int p = a.getRGB(x, y) & 0xffffff, q = b.getRGB(x, y) & 0xffffff;
                int red = p >> 16 & 255, green = p >> 8 & 255, blue = p & 255;
                colours.add(p);
                if (red > 180 && red - blue > 80 && green < red - 40) orange++;
                if (blue > red + 8 && blue > 150 && blue < 235) floor++;
                int d = Math.abs(red - (q >> 16 & 255)) + Math.abs(green - (q >> 8 & 255)) + Math.abs(blue - (q & 255));
                if (d > 30) differing++;
            }
        }
        assertTrue(colours.size() > 200, "frame 0 is not blank: " + colours.size() + " colours");
        assertTrue(orange > 1500, "the hopper's limbs are drawn: " + orange + " orange pixels");
        assertTrue(floor > 50_000, "the floor is drawn: " + floor + " grey-blue pixels");
        assertTrue(differing > 1000, "frame " + later + " differs from frame 0 in the canvas: " + differing + " pixels");
    }

    /** Copies the screenshots to target/render-browser/ (when run from the project) to look at. */
    private static void keep(Path... pngs) throws java.io.IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) return;
        Path keep = Files.createDirectories(target.resolve("render-browser"));
        for (Path p : pngs) Files.copy(p, keep.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
}
