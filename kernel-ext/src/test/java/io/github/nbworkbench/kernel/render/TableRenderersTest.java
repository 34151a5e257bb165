package io.github.nbworkbench.kernel.render;

import io.github.nbworkbench.train.History;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableRenderersTest {
    @Test
    void aShortTableIsShownWholeAndEscaped() {
        Table table = Table.create("<scores>", StringColumn.create("name", "a&b", "c"), IntColumn.create("n", 1, 2));
        String html = TableRenderers.html(table);
        assertTrue(html.contains("<caption>&lt;scores&gt;</caption>"), html);
        assertTrue(html.contains("<td>a&amp;b</td><td>1</td>"), html);
        assertFalse(html.contains("rows ×"), html);
    }

    @Test
    void numbersAreShownWithTheColumnsPrintFormatter() {
        History history = History.of(List.of(), false);
        history.append(1, Map.of("loss", 171.23456789, "lr", 0.0000123456, "seconds", 12.3456, "samples_per_s", 1351.2749));

        String html = TableRenderers.html(history);

        assertTrue(html.contains("<td>1</td><td>171.2</td><td>1.235E-5</td><td>12.35</td><td>1,351</td>"), html);
    }

    @Test
    void aLongTableShowsHeadTailAndTheRowCount() {
        Table table = Table.create("long", IntColumn.create("i", IntStream.range(0, 1000).toArray()));
        String html = TableRenderers.html(table);
        long shownRows = html.split("<tr>", -1).length - 1 - 1 - 1; // minus the header row and the ellipsis row
        assertEquals(TableRenderers.HEAD_ROWS + TableRenderers.TAIL_ROWS, shownRows);
        assertTrue(html.contains("<td>999</td>"), "the last row is shown");
        assertFalse(html.contains("<td>500</td>"), "the middle is left out");
        assertTrue(html.contains("1000 rows × 1 columns"), html);
        assertTrue(TableRenderers.text(table).contains("1000 rows × 1 columns"));
    }
}
