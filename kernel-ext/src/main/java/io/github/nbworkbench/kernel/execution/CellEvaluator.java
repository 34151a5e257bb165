package io.github.nbworkbench.kernel.execution;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Runs notebook cells as JShell snippets inside this JVM and returns the real value of the
 * cell's last expression.
 */
public final class CellEvaluator implements AutoCloseable {
    private static final int MAX_FRAMES_EACH = 25;

    private final CellClassLoader classLoader = new CellClassLoader(ClassLoader.getSystemClassLoader());
    private final InProcessExecutionControl control = new InProcessExecutionControl(classLoader);
    private final JShell shell;
    private final VariableUpdates variableUpdates;

    public CellEvaluator(PrintStream console) {
        this(console, List.of());
    }

    public CellEvaluator(PrintStream console, List<String> compilerOptions) {
        this.shell = JShell.builder()
                .out(console)
                .err(console)
                .executionEngine(new InProcessExecutionProvider(control), Map.of())
                .fileManager(IndexKeepingFileManager::new)
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        this.variableUpdates = new VariableUpdates(shell, control);
    }

    /** Lets {@code System.exit} in a cell fail that cell instead of ending the kernel; false where the JVM forbids it. */
    public boolean guardAgainstExit() {
        return ExitGuard.install(control);
    }

    /** The class loader of cell code and of the jars that notebooks add. */
    public CellClassLoader classLoader() {
        return classLoader;
    }

    public SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    public void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /**
     * Runs every snippet of the cell in order and returns the value of the last one if it is an
     * expression, else null. The first snippet that fails ends the cell with an exception.
     */
    public Object eval(String cell) {
        control.clearValues();
        Object value = null;
        String remaining = cell;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis().analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return value;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    throw new CompilationException("The cell ends in the middle of a statement or block:\n"
                            + remaining.strip() + "\nClose every bracket and brace, and end statements with ';'.");
                default:
                    // an unparsable snippet has no source of its own: compile the rest to report its errors
                    boolean parsed = info.source() != null;
                    value = evalSnippet(parsed ? info.source() : remaining);
                    remaining = parsed ? info.remaining() : "";
            }
        }
        return value;
    }

    private Object evalSnippet(String source) {
        variableUpdates.beforeSnippet(source);
        control.forgetStop();
        List<SnippetEvent> events = shell.eval(source);
        try {
            // System.err is the running cell's stderr in the kernel
            variableUpdates.notes(events).forEach(System.err::println);
            return valueOf(events);
        } finally {
            dropTemporaryVariables(events);
        }
    }

    private Object valueOf(List<SnippetEvent> events) {
        Object value = null;
        for (SnippetEvent event : events) {
            if (control.lastSnippetTimedOut() || control.lastSnippetWasStopped()) {
                throw stopped("The statement", "The cell was interrupted" + answerToStop()
                        + ". Variables defined before the interrupted statement are kept.");
            }
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw new CompilationException(describeRejection(snippet));
            }
            if (event.exception() != null) {
                throw failureOf(event.exception());
            }
            if (isExpression(snippet)) {
                Object result = control.takeValue(event.value());
                value = result == InProcessExecutionControl.NullValue.INSTANCE ? null : result;
            }
        }
        return value;
    }

    /**
     * Forgets the variable ($1, $2, ...) JShell makes of an expression's value once the value is
     * taken: every later snippet imports every variable, so each kept one made every later cell
     * compile longer (`1 + 1` took three times as long after 800 cells), and it kept every value a
     * cell showed in memory. A value to keep goes into a variable of its own.
     */
    private void dropTemporaryVariables(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            Snippet snippet = event.snippet();
            if (event.causeSnippet() == null && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    && shell.status(snippet).isActive()) {
                shell.drop(snippet);
            }
        }
    }

    /**
     * Runs work the way a cell's statements run: on a cell thread that {@link #interrupt()} and the
     * time limit stop, so that user code the kernel calls, such as a value's toString() or a
     * renderer, can neither end the kernel's request thread nor hang it.
     *
     * @param what what the work does, for messages: "Showing the cell's value"
     * @param afterwards what to tell the user after the failure or interrupt, e.g. what was kept
     * @throws EvaluationException with what the work threw, and {@code what} in its note
     * @throws CellInterruptedException when the work was interrupted or ran out of time
     */
    public <T> T runAsCell(Callable<T> work, String what, String afterwards) {
        try {
            return control.runOnCellThread(work);
        } catch (ExecutionControl.StoppedException e) {
            throw stopped(what, what + " was interrupted. " + afterwards);
        } catch (InvocationTargetException e) {
            UserStackTrace trace = new UserStackTrace(e.getCause(), Collections.emptyMap(), MAX_FRAMES_EACH);
            throw new EvaluationException(trace, what + " failed with the exception above. " + afterwards);
        }
    }

    /** " (SearchInterruptedException: ... kept in ...)" when the cell's code answered the interrupt with its own exception. */
    private String answerToStop() {
        return control.lastAnswerToStop().map(answer -> " (" + answer.getClass().getSimpleName()
                + (answer.getMessage() == null ? "" : ": " + answer.getMessage()) + ")").orElse("");
    }

    private CellInterruptedException stopped(String what, String interruptedMessage) {
        if (control.lastSnippetTimedOut()) {
            return new CellInterruptedException(what + " ran longer than the time limit of "
                    + control.runTimeLimit().toMillis() + " ms (IJAVA_TIMEOUT) and was stopped.");
        }
        return new CellInterruptedException(interruptedMessage);
    }

    private static boolean isExpression(Snippet snippet) {
        return snippet.kind() == Snippet.Kind.EXPRESSION
                || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private RuntimeException failureOf(JShellException exception) {
        if (exception instanceof EvalException evalException) {
            return userFailure(evalException);
        }
        if (exception instanceof UnresolvedReferenceException unresolved) {
            Snippet snippet = unresolved.getSnippet();
            String missing = shell.unresolvedDependencies((jdk.jshell.DeclarationSnippet) snippet)
                    .collect(Collectors.joining(", "));
            return new CompilationException("'" + name(snippet) + "' cannot be used until these are defined: " + missing);
        }
        return new IllegalStateException(exception.getMessage(), exception);
    }

    /** The real exception the cell threw, with JShell's snippet-line frames of it and of each of its causes. */
    private RuntimeException userFailure(EvalException reported) {
        Throwable thrown = control.takeThrown();
        if (thrown == null) {
            return new IllegalStateException(reported.getExceptionClassName() + ": " + reported.getMessage(), reported);
        }
        Map<Throwable, StackTraceElement[]> frames = new IdentityHashMap<>();
        Throwable translated = reported;
        for (Throwable member : UserStackTrace.family(thrown)) {
            if (!(translated instanceof EvalException)) {
                break;
            }
            frames.put(member, translated.getStackTrace());
            translated = translated.getCause();
        }
        return new EvaluationException(new UserStackTrace(thrown, frames, MAX_FRAMES_EACH), null);
    }

    private static String name(Snippet snippet) {
        return snippet instanceof jdk.jshell.DeclarationSnippet declaration ? declaration.name() : snippet.source();
    }

    private String describeRejection(Snippet snippet) {
        List<Diag> errors = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (errors.isEmpty()) {
            return "The code was rejected by the compiler:\n" + snippet.source();
        }
        return errors.stream().map(error -> pointAt(snippet.source(), error)).collect(Collectors.joining("\n"));
    }

    /** The error message under the source line it refers to, with a caret at the position. */
    static String pointAt(String source, Diag error) {
        int position = (int) Math.max(0, Math.min(error.getPosition(), source.length()));
        int lineStart = source.lastIndexOf('\n', position - 1) + 1;
        int lineEnd = source.indexOf('\n', position);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        int lineNumber = (int) source.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
        return "error: " + error.getMessage(Locale.ENGLISH) + " (snippet line " + lineNumber + ")\n"
                + line + "\n" + " ".repeat(position - lineStart) + "^";
    }

    /** Stops any statement that runs longer than this; statements run without a limit by default. */
    public void limitStatementTime(Duration timeout) {
        control.limitRunTime(timeout);
    }

    /** Asks the running cell, if any, to stop. */
    public void interrupt() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }
}
