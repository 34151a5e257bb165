package io.github.nbworkbench.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellSegmentsTest {
    @Test
    void splitsCodeAndLineMagicsInOrder() {
        List<CellSegments.Segment> segments = CellSegments.split(
                "int a = 1;\n  %maven g:a:1 \"x y\"\nint b = 2;\nb + a");

        assertEquals(3, segments.size());
        assertEquals("int a = 1;\n", segments.get(0).code());
        assertTrue(segments.get(1).isMagic());
        assertEquals("maven", segments.get(1).magicName());
        assertEquals(List.of("g:a:1", "x y"), segments.get(1).magicArgs());
        assertEquals("int b = 2;\nb + a\n", segments.get(2).code());
    }

    @Test
    void aCellWithoutMagicsIsOneCodeSegment() {
        List<CellSegments.Segment> segments = CellSegments.split("int x = 10 %\n 3;");
        assertEquals(1, segments.size());
        assertFalse(segments.get(0).isMagic());
    }

    @Test
    void cellMagicOwnsTheRestOfTheCell() {
        assertTrue(CellSegments.isCellMagic("\n%%time\nThread.sleep(1);"));
        CellSegments.CellMagicCall call = CellSegments.parseCellMagic("\n%%time -n 'a b'\nThread.sleep(1);\n1");
        assertEquals("time", call.name());
        assertEquals(List.of("-n", "a b"), call.args());
        assertEquals("Thread.sleep(1);\n1", call.body());
    }

    @Test
    void anUnclosedQuoteIsAClearError() {
        MagicException error = assertThrows(MagicException.class, () -> CellSegments.split("%jars 'lib/*.jar"));
        assertTrue(error.getMessage().contains("Unclosed quote"), error.getMessage());
    }

    @Test
    void aBarePercentSignIsAClearError() {
        MagicException error = assertThrows(MagicException.class, () -> CellSegments.split("%  "));
        assertTrue(error.getMessage().contains("needs a name"), error.getMessage());
    }
}
