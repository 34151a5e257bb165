package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.execution.CellEvaluator;
import io.github.nbworkbench.kernel.execution.CellInterruptedException;
import io.github.nbworkbench.kernel.execution.CodeAssistant;
import io.github.nbworkbench.kernel.execution.CodeAssistant.Completions;
import io.github.nbworkbench.kernel.execution.CompilationException;
import io.github.nbworkbench.kernel.execution.EvaluationException;
import io.github.nbworkbench.kernel.magic.CellSegments;
import io.github.nbworkbench.kernel.memory.NativeMemoryErrors;
import io.github.nbworkbench.kernel.memory.NativeMemoryErrors.ArrayTooLargeException;
import io.github.nbworkbench.kernel.magic.MagicException;
import io.github.nbworkbench.kernel.render.RendererProviders;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import jdk.jshell.SourceCodeAnalysis.Documentation;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java (Workbench) kernel: cells are JShell snippets run in this JVM, so a cell's value is the
 * real object, rendered by the {@link io.github.nbworkbench.kernel.render.RendererProvider}s on its
 * classpath. Lines that start with {@code %} are line magics, a first line with {@code %%} makes a
 * cell magic.
 */
public final class WorkbenchKernel extends BaseKernel {
    static final String IMPLEMENTATION = "workbench";

    private final CellEvaluator evaluator;
    private final CodeAssistant assistant;
    private final WorkbenchIO cellIO;
    private final ExecutionHistory history;
    private final RendererProviders rendererProviders;
    private final List<String> pages = new ArrayList<>();
    private volatile ShellReplyEnvironment currentRequest;
    private final Object cellEndLock = new Object();
    private List<Runnable> cellEndActions; // of the running cell; null between cells

    WorkbenchKernel(String version, LanguageInfo languageInfo, List<HelpLink> helpLinks, ExecutionHistory history,
                    WorkbenchIO io, CommManager comms, Renderer renderer, MagicParser magicParser,
                    MagicsRegistry magics, StringStyler errorStyler, CellEvaluator evaluator) {
        super(IMPLEMENTATION, version, languageInfo, helpLinks, history, io, comms, renderer, magicParser, magics,
                true, errorStyler);
        this.evaluator = evaluator;
        this.assistant = new CodeAssistant(evaluator.analysis());
        this.cellIO = io;
        this.history = history;
        this.rendererProviders = new RendererProviders(renderer);
    }

    /**
     * System.out/err stay the kernel's routing streams from the first cell on: each thread prints
     * into the cell that started it (see {@link io.github.nbworkbench.kernel.output.CellOutput}),
     * also after that cell ended. System.in is the cell's while it runs.
     */
    @Override
    protected void replaceOutputStreams(ShellReplyEnvironment env) {
        InputStream in = System.in;
        System.setOut(cellIO.systemOut());
        System.setErr(cellIO.systemErr());
        System.setIn(cellIO.in);
        env.defer(() -> System.setIn(in));
    }

    /** Shows a display after what the cell printed before it. */
    @Override
    public void display(DisplayData data) {
        flushPrintedOutput();
        super.display(data);
    }

    /** Sends what the running cell printed so far (printed text is batched), so that what it shows next comes after it. */
    public void flushPrintedOutput() {
        cellIO.flushSystemStreams();
    }

    /**
     * Runs a cell: the base library's handler, plus history, pages for the pager, error names that
     * name the user's exception, and no new execution count for silent requests (as the protocol asks).
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean counted = !request.isSilent() && request.shouldStoreHistory();
        int count = counted ? executionCount.getAndIncrement() : executionCount.get();

        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        cellIO.attach(env, request.isStdinEnabled());
        currentRequest = env;
        pages.clear();
        synchronized (cellEndLock) {
            cellEndActions = new ArrayList<>();
        }
        env.defer(() -> {
            try {
                runCellEndActions();
            } finally {
                currentRequest = null;
                cellIO.detach(env);
            }
        });
        try {
            DisplayData result;
            try {
                result = eval(request.getCode());
            } finally {
                cellIO.flushSystemStreams();
            }
            if (result != null && !request.isSilent()) {
                env.publish(new PublishExecuteResult(count, result));
            }
            if (counted) {
                history.record(count, request.getCode(), result == null ? null : String.valueOf(result.getData(MIMEType.TEXT_PLAIN)));
            }
            env.defer().reply(new ExecuteReplyWithPayload(count, List.copyOf(pages)));
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            if (counted) {
                history.record(count, request.getCode(), null);
            }
            String name = e instanceof EvaluationException user ? simpleName(user.exceptionClassName()) : e.getClass().getSimpleName();
            List<String> traceback = formatError(e);
            ErrorReply error = new ErrorReply(name, e.getMessage(), traceback);
            error.setExecutionCount(count);
            env.publish(new PublishError(name, e.getMessage(), traceback));
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), error);
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /**
     * Runs {@code action} when the running cell ends: after its value and reply, while its output
     * can still be sent, before its idle status (which ends what clients such as nbclient collect
     * of it). Actions may come from any thread; each runs once.
     *
     * @throws IllegalStateException between cells
     */
    public void whenCellEnds(Runnable action) {
        synchronized (cellEndLock) {
            if (cellEndActions == null) {
                throw new IllegalStateException("whenCellEnds() works only while a cell runs.");
            }
            cellEndActions.add(action);
        }
    }

    private void runCellEndActions() {
        List<Runnable> actions;
        synchronized (cellEndLock) {
            actions = cellEndActions;
            cellEndActions = null;
        }
        actions.forEach(Runnable::run);
    }

    /** Shows text in the frontend's pager once the running cell ends (Jupyter's help pane). */
    public void page(String text) {
        pages.add(text);
    }

    /** Clears the running cell's output, now or (with {@code wait}) when the next output arrives. */
    public void clearOutput(boolean wait) {
        ShellReplyEnvironment env = currentRequest;
        if (env == null) {
            throw new IllegalStateException("clearOutput() works only while a cell runs.");
        }
        cellIO.flushSystemStreams();
        env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
    }

    /** Makes {@code System.exit} in a cell fail the cell instead of ending the kernel; false where the JVM cannot. */
    boolean guardAgainstExit() {
        return evaluator.guardAgainstExit();
    }

    /**
     * Gives cells their imports, then runs code before the first cell (IJava's startup scripts); a
     * failing script is reported and skipped. It runs once the kernel answers requests: JShell's
     * first compilations take a second or more, and only the requests that use JShell (they hold
     * the kernel's lock, as this does) wait for them, not {@code kernel_info}.
     */
    synchronized void prepareCells(List<String> imports, List<String> scripts, PrintStream console) {
        try {
            imports.forEach(evaluator::eval);
        } catch (RuntimeException e) {
            console.println("Cells could not get their imports (" + e.getMessage() + "); was the kernel shut down while starting?");
            return;
        }
        for (String script : scripts) {
            try {
                evalRaw(script);
            } catch (RuntimeException e) {
                console.println("A startup script failed and was skipped: " + e.getMessage());
            }
        }
    }

    /** Adds jars or class folders (separated by the path separator) to cells, and loads any extensions and renderers in them. */
    public void addToClasspath(String classpath) {
        evaluator.addToClasspath(classpath);
        installExtensions(evaluator.classLoader());
    }

    /**
     * The renderer providers (see {@link io.github.nbworkbench.kernel.render.RendererProvider}) the class loader sees,
     * then JJava's extensions: renderers of an extension for the same type come later, as when the workbench's
     * own extension registered the renderers.
     */
    @Override
    protected void installExtensions(ClassLoader classLoader) {
        rendererProviders.installFrom(classLoader);
        super.installExtensions(classLoader);
    }

    /** Every classpath entry that cells see: the kernel's own, then what notebooks added. */
    public List<String> classpath() {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (URL added : evaluator.classLoader().getURLs()) {
            entries.add(added.getPath());
        }
        return entries.stream().distinct().collect(Collectors.toList());
    }

    @Override
    protected ClassLoader getClassLoader() {
        return evaluator.classLoader();
    }

    @Override
    public String getBanner() {
        return "Java (Workbench) " + version + " on Java " + Runtime.version();
    }

    /**
     * Runs the cell, then renders its value on a cell thread: toString() and renderers are user
     * code, which may throw any error, run out of stack or never return; interrupt stops them.
     */
    @Override
    public DisplayData eval(String cell) {
        Object value = evalRaw(cell);
        if (value == null || value instanceof DisplayData) {
            return (DisplayData) value;
        }
        return evaluator.runAsCell(() -> getRenderer().render(value), "Showing the cell's value",
                "The cell itself ran, and its variables are kept; a cell that ends with a declaration"
                        + " (var shown = ...;) shows no value.");
    }

    @Override
    public Object evalRaw(String cell) {
        try {
            if (CellSegments.isCellMagic(cell)) {
                CellSegments.CellMagicCall call = CellSegments.parseCellMagic(cell);
                return magicsRegistry.evalCellMagic(this, call.name(), call.args(), call.body());
            }
            Object value = null;
            for (CellSegments.Segment segment : CellSegments.split(cell)) {
                value = segment.isMagic()
                        ? magicsRegistry.evalLineMagic(this, segment.magicName(), segment.magicArgs())
                        : evaluator.eval(segment.code());
            }
            return value;
        } catch (UndefinedMagicException unknown) {
            throw MagicException.unknown(unknown, magicsRegistry);
        } catch (RuntimeException e) {
            throw NativeMemoryErrors.explain(e);
        } catch (Exception e) {
            throw new MagicException(e);
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new IllegalStateException("The kernel ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack")
                    + " while running the cell: " + e, e);
        }
    }

    @Override
    public List<String> formatError(Throwable error) {
        List<String> lines = new ArrayList<>();
        if (error instanceof CompilationException || error instanceof MagicException
                || error instanceof CellInterruptedException || error instanceof ArrayTooLargeException) {
            lines.add(errorStyler.primary(error.getClass().getSimpleName()));
            lines.addAll(errorStyler.primaryLines(error.getMessage()));
            return lines;
        }
        if (error instanceof EvaluationException user) {
            for (String line : user.stackTrace().lines()) {
                boolean frame = line.stripLeading().startsWith("at ") || line.stripLeading().startsWith("... ");
                lines.add(frame ? errorStyler.secondary(line) : errorStyler.primary(line));
            }
            if (user.note() != null) {
                lines.add(errorStyler.primary(user.note()));
            }
            return lines;
        }
        return super.formatError(error);
    }

    @Override
    public synchronized DisplayData inspect(String code, int at, boolean extraDetail) {
        List<Documentation> docs = assistant.inspect(code, at);
        if (docs.isEmpty()) {
            return null;
        }
        String text = docs.stream()
                .map(doc -> doc.signature() + (doc.javadoc() == null || doc.javadoc().isBlank() ? "" : "\n" + doc.javadoc()))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    @Override
    public synchronized ReplacementOptions complete(String code, int at) {
        Completions completions = assistant.complete(code, at);
        return new ReplacementOptions(completions.matches(), completions.start(), completions.end());
    }

    @Override
    public synchronized String isComplete(String code) {
        switch (assistant.completeness(code)) {
            case INCOMPLETE:
                return "    ";
            case INVALID:
                return IS_COMPLETE_BAD;
            default:
                return IS_COMPLETE_YES;
        }
    }

    @Override
    public void interrupt() {
        evaluator.interrupt();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        evaluator.close();
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, (env, request) -> {
            env.setBusyDeferIdle();
            env.reply(new OkReplies.CommInfo(commManager, request.getContent().getTargetName()));
        });
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> request) {
        env.setBusyDeferIdle();
        env.defer().reply(new OkReplies.Interrupt());
        interrupt();
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        HistoryRequest request = message.getContent();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Tail tail) {
            entries = history.lookupTail(tail.getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Range range) {
            entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else {
            HistoryRequest.Search search = (HistoryRequest.Search) request;
            if (search.filterUnique()) {
                flags.add(HistoryManager.ResultFlag.UNIQUE);
            }
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        }
        env.setBusyDeferIdle();
        replyWith(env, new OkReplies.History(entries));
    }

    /** Replies with content that stands in for one of the base library's reply types. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void replyWith(ShellReplyEnvironment env, ContentType<?> content) {
        env.reply(new Message(env.getContext(), content.getType(), content));
    }

    @Override
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> request) {
        boolean restart = request.getContent().isRestart();
        env.setBusyDeferIdle();
        replyWith(env.defer(), new OkReplies.Shutdown(restart));
        onShutdown(restart);
        env.resolveDeferrals();
        env.markForShutdown();
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }
}
