package io.github.nbworkbench.kernel.execution;

import io.github.nbworkbench.kernel.execution.CodeAssistant.Completeness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeAssistantTest {
    private static CellEvaluator evaluator;
    private static CodeAssistant assistant;

    @BeforeAll
    static void startJShell() {
        evaluator = new CellEvaluator(System.err);
        assistant = new CodeAssistant(evaluator.analysis());
    }

    @AfterAll
    static void stopJShell() {
        evaluator.close();
    }

    @Test
    void completenessTellsCompleteIncompleteAndInvalidApart() {
        assertEquals(Completeness.COMPLETE, assistant.completeness("int x = 5;"));
        assertEquals(Completeness.COMPLETE, assistant.completeness("int x = 5;\nx + 1"));
        assertEquals(Completeness.INCOMPLETE, assistant.completeness("for (int i = 0; i < 3; i++) {"));
        assertEquals(Completeness.INVALID, assistant.completeness("int x = ;"));
        assertEquals(Completeness.INVALID, assistant.completeness("x +* 2;"));
    }

    @Test
    void completesInTheSnippetThatHoldsTheCursor() {
        String cell = "int y = 1;\nMath.ab";
        CodeAssistant.Completions completions = assistant.complete(cell, cell.length());
        assertTrue(completions.matches().contains("abs("), completions.matches().toString());
        assertEquals(cell.length() - 2, completions.start());
        assertEquals(cell.length(), completions.end());
    }

    @Test
    void positionsCountUnicodeCodePointsAsJupyterDoes() {
        String cell = "String face = \"\uD83D\uDE00\"; Math.ab";
        int codePoints = cell.codePointCount(0, cell.length());
        CodeAssistant.Completions completions = assistant.complete(cell, codePoints);
        assertTrue(completions.matches().contains("abs("), completions.matches().toString());
        assertEquals(codePoints - 2, completions.start());
        assertEquals(codePoints, completions.end());
    }

    @Test
    void aCursorPastTheEndIsMovedToTheEnd() {
        CodeAssistant.Completions completions = assistant.complete("Math.ab", 1000);
        assertEquals(5, completions.start());
        assertEquals(7, completions.end());
    }

    @Test
    void completesInAHugeCellFromTheSnippetsNearTheCursor() {
        String cell = "int filler = 0;\n".repeat(50_000) + "Math.ab";
        CodeAssistant.Completions completions = assistant.complete(cell, cell.length());
        assertTrue(completions.matches().contains("abs("), completions.matches().toString());
        assertEquals(cell.length() - 2, completions.start());
    }

    @Test
    void inspectsAMethodNameWithoutItsParentheses() {
        assertFalse(assistant.inspect("Math.abs", 8).isEmpty());
        assertTrue(assistant.inspect("Math.abs", 8).get(0).signature().contains("abs("));
    }
}
