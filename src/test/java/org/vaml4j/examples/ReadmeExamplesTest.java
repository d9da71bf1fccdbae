package org.vaml4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java examples of README.md are these test sources, verbatim: compiled with the tests, run
 * (SoftsignProperties by jqwik, EmbedExample here with a short budget), and compared with the
 * README's code blocks so that neither can drift from the other.
 */
class ReadmeExamplesTest {

    static final Path README = Path.of("README.md");
    static final Path EXAMPLES = Path.of("src/test/java/org/vaml4j/examples");

    /** The example file from the line after its README marker comment on. */
    static String shown(String file) throws Exception {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve(file));
        int marker = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("// README.md")) marker = i;
        assertTrue(marker >= 0, file + " has no README marker line");
        return String.join("\n", lines.subList(marker + 1, lines.size())).strip() + "\n";
    }

    @Test
    void theReadmeShowsTheExamplesAsTheyAreCompiled() throws Exception {
        String readme = Files.readString(README);
        for (String f : List.of("EmbedExample.java", "SoftsignProperties.java")) {
            String block = "```java\n" + shown(f) + "```";
            assertTrue(readme.contains(block), "README.md must show " + f + " verbatim as a ```java block:\n" + block);
        }
    }

    @Test
    void theEmbedExampleTrainsAndQueriesAnAgent() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            EmbedExample.main(new String[] {"400"});
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("torque at the top: ") && text.contains("mean return of 10 episodes: "), text);
    }
}
