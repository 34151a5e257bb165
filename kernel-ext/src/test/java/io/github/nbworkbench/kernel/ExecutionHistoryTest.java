package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionHistoryTest {
    private final ExecutionHistory history = new ExecutionHistory();

    ExecutionHistoryTest() {
        history.record(1, "6 * 7", "42");
        history.record(2, "int a = 1;", null);
        history.record(3, "6 * 7", "42");
        history.record(4, "6 * 8", "48");
    }

    @Test
    void tailGivesTheLastCellsInOrder() {
        List<HistoryEntry> tail = history.lookupTail(2, Set.of());
        assertEquals(List.of(3, 4), tail.stream().map(HistoryEntry::getCellNumber).toList());
        assertFalse(tail.get(0).hasOutput());
    }

    @Test
    void rangeIsStartInclusiveStopExclusiveInThisSession() {
        assertEquals(List.of(2, 3), history.lookupRange(ExecutionHistory.SESSION, 2, 4, Set.of()).stream()
                .map(HistoryEntry::getCellNumber).toList());
        assertEquals(2, history.lookupRange(0, 2, 4, Set.of()).size(), "session 0 is the current one");
        assertTrue(history.lookupRange(7, 1, 5, Set.of()).isEmpty());
    }

    @Test
    void searchMatchesGlobsAndCanDropRepeats() {
        assertEquals(3, history.search("6 *", 10, Set.of()).size());
        List<HistoryEntry> unique = history.search("6 *", 10, EnumSet.of(ResultFlag.UNIQUE));
        assertEquals(List.of("6 * 7", "6 * 8"), unique.stream().map(HistoryEntry::getInput).toList());
        assertEquals(List.of(4), history.search("6 ? 8", 10, Set.of()).stream().map(HistoryEntry::getCellNumber).toList());
        assertEquals(1, history.search("6 *", 1, Set.of()).size());
    }

    @Test
    void outputIsIncludedOnRequestEvenWhenACellHadNone() {
        List<HistoryEntry> withOutput = history.lookupTail(3, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
        assertEquals("", withOutput.get(0).getOutput());
        assertEquals("42", withOutput.get(1).getOutput());
    }
}
