package io.github.nbworkbench.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleLiveOutputTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleLiveOutput output = new ConsoleLiveOutput(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void eachDistinctTextIsPrintedOnceAndTheHtmlNever() {
        output.show("<b>trial 1</b> <img src='data:...'>", "trial 1/3, best 0.50");
        for (int bar = 0; bar < 100; bar++) {
            output.show("<b>trial 1</b> bar " + bar, "trial 1/3, best 0.50");
        }
        output.show("<b>trial 2</b>", "trial 2/3, best 0.61");
        output.show("<b>trial 2</b>", "trial 2/3, best 0.61");
        output.show("<b>trial 1 again</b>", "trial 1/3, best 0.50");

        assertEquals(List.of("trial 1/3, best 0.50", "trial 2/3, best 0.61", "trial 1/3, best 0.50"), printedLines());
    }

    @Test
    void anEmptyTextPrintsNothing() {
        output.show("<b>only rich</b>", "");
        output.show("<b>only rich</b>", "a\nfew lines");

        assertEquals(List.of("a", "few lines"), printedLines());
    }

    @Test
    void nullIsRefusedSayingWhatToPassInstead() {
        IllegalArgumentException nullText = assertThrows(IllegalArgumentException.class, () -> output.show("<b>x</b>", null));
        assertTrue(nullText.getMessage().contains("null text") && nullText.getMessage().contains("\"\""), nullText.getMessage());
        IllegalArgumentException nullHtml = assertThrows(IllegalArgumentException.class, () -> output.show(null, "x"));
        assertTrue(nullHtml.getMessage().contains("null html"), nullHtml.getMessage());
        assertEquals(List.of(), printedLines());
    }

    private List<String> printedLines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
