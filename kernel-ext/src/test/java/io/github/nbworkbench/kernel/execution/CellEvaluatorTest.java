package io.github.nbworkbench.kernel.execution;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellEvaluatorTest {
    private static CellEvaluator evaluator;

    @BeforeAll
    static void startJShell() {
        evaluator = new CellEvaluator(System.err);
    }

    @AfterAll
    static void stopJShell() {
        evaluator.close();
    }

    @Test
    void theCellValueIsTheRealObjectOfTheLastExpression() {
        Object value = evaluator.eval("var list = new java.util.ArrayList<String>();\nlist.add(\"a\");\nlist");
        assertEquals(java.util.List.of("a"), value);
    }

    @Test
    void declarationsAndStatementsHaveNoValue() {
        assertNull(evaluator.eval("int declared = 41;"));
        assertEquals(42, evaluator.eval("declared + 1"));
        assertNull(evaluator.eval("System.out.print(\"\");"));
        assertNull(evaluator.eval("(String) null"));
    }

    @Test
    void anExpressionLeavesNoVariableForLaterCellsToImport() {
        assertEquals(42, evaluator.eval("40 + 2"));
        assertEquals("a", evaluator.eval("String.valueOf('a')"));
        java.util.List<String> variables = new CodeAssistant(evaluator.analysis()).complete("$", 1).matches();
        assertTrue(variables.stream().noneMatch(name -> name.startsWith("$")), variables.toString());
    }

    @Test
    void aCompileErrorPointsAtTheCode() {
        CompilationException error = assertThrows(CompilationException.class, () -> evaluator.eval("int wrong = \"a\";"));
        assertTrue(error.getMessage().contains("incompatible types"), error.getMessage());
        assertTrue(error.getMessage().contains("int wrong = \"a\";\n            ^"), error.getMessage());
    }

    @Test
    void aRuntimeExceptionNamesTheUsersExceptionAndTheNextCellRuns() {
        EvaluationException error = assertThrows(EvaluationException.class, () -> evaluator.eval("Integer.parseInt(\"x\")"));
        assertEquals("java.lang.NumberFormatException", error.exceptionClassName());
        assertTrue(error.getMessage().contains("For input string: \"x\""), error.getMessage());
        assertEquals(2, evaluator.eval("1 + 1"));
    }

    @Test
    void anExceptionWithACauseIsTheUsersExceptionWithItsCauseBelow() {
        EvaluationException error = assertThrows(EvaluationException.class,
                () -> evaluator.eval("throw new RuntimeException(\"outer\", new java.io.IOException(\"inner\"));"));
        assertEquals("java.lang.RuntimeException", error.exceptionClassName());
        assertEquals("outer", error.getMessage());
        java.util.List<String> lines = error.stackTrace().lines();
        assertEquals("java.lang.RuntimeException: outer", lines.get(0));
        assertTrue(lines.contains("Caused by: java.io.IOException: inner"), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.contains("nbworkbench") || line.contains("reflect")), lines.toString());
    }

    @Test
    void workRunAsACellThatThrowsAnErrorBecomesAnEvaluationExceptionWithTheNote() {
        EvaluationException error = assertThrows(EvaluationException.class, () -> evaluator.runAsCell(() -> {
            throw new StackOverflowError();
        }, "Showing the value", "Variables are kept."));
        assertEquals("java.lang.StackOverflowError", error.exceptionClassName());
        assertEquals("Showing the value failed with the exception above. Variables are kept.", error.note());
        assertEquals(2, evaluator.eval("1 + 1"));
    }

    @Test
    void interruptStopsWorkRunAsACell() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CompletableFuture<Throwable> work = CompletableFuture.supplyAsync(() -> {
                try {
                    return evaluator.runAsCell(() -> {
                        while (true) {
                            Thread.onSpinWait();
                        }
                    }, "Showing the value", "Variables are kept.");
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Thread.sleep(1000);
            evaluator.interrupt();
            Throwable outcome = work.get();
            assertTrue(outcome instanceof CellInterruptedException, String.valueOf(outcome));
            assertEquals("Showing the value was interrupted. Variables are kept.", outcome.getMessage());
        });
    }

    @Test
    void anUnfinishedCellIsACompileError() {
        CompilationException error = assertThrows(CompilationException.class, () -> evaluator.eval("for (int i = 0; i < 3; i++) {"));
        assertTrue(error.getMessage().contains("middle of a statement"), error.getMessage());
    }

    @Test
    void interruptStopsABusyLoopAndTheNextCellRuns() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            CompletableFuture<Throwable> cell = CompletableFuture.supplyAsync(() -> {
                try {
                    evaluator.eval("while (true) { }");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });
            Thread.sleep(1500);
            long start = System.nanoTime();
            evaluator.interrupt();
            Throwable outcome = cell.get();
            long stopMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("interrupt stopped the busy loop in " + stopMillis + " ms");
            assertTrue(outcome instanceof CellInterruptedException, String.valueOf(outcome));
            // JShell.stop() takes tens of ms; a loaded 2-core machine can delay the thread by seconds, and a broken stop never ends
            assertTrue(stopMillis < 10_000, "stopped after " + stopMillis + " ms");
            assertEquals(3, evaluator.eval("1 + 2"));
        });
    }
}
