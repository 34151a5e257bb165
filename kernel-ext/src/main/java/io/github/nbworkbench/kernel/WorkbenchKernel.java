package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.execution.CellEvaluator;
import io.github.nbworkbench.kernel.execution.CellInterruptedException;
import io.github.nbworkbench.kernel.execution.CodeAssistant;
import io.github.nbworkbench.kernel.execution.CodeAssistant.Completions;
import io.github.nbworkbench.kernel.execution.CompilationException;
import io.github.nbworkbench.kernel.execution.EvaluationException;
import io.github.nbworkbench.kernel.magic.CellSegments;
import io.github.nbworkbench.kernel.magic.MagicException;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import jdk.jshell.SourceCodeAnalysis.Documentation;

import java.io.File;
import java.io.PrintStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java (Workbench) kernel: cells are JShell snippets run in this JVM, so a cell's value is the
 * real object, rendered by the renderers that {@link WorkbenchExtension} registers. Lines that
 * start with {@code %} are line magics, a first line with {@code %%} makes a cell magic.
 */
public final class WorkbenchKernel extends BaseKernel {
    static final String IMPLEMENTATION = "workbench";
    private static final int MAX_TRACE_FRAMES = 25;

    private final CellEvaluator evaluator;
    private final CodeAssistant assistant;

    WorkbenchKernel(String version, LanguageInfo languageInfo, List<HelpLink> helpLinks, HistoryManager history,
                    JupyterIO io, CommManager comms, Renderer renderer, MagicParser magicParser,
                    MagicsRegistry magics, StringStyler errorStyler, CellEvaluator evaluator) {
        super(IMPLEMENTATION, version, languageInfo, helpLinks, history, io, comms, renderer, magicParser, magics,
                true, errorStyler);
        this.evaluator = evaluator;
        this.assistant = new CodeAssistant(evaluator.analysis());
    }

    /** Makes {@code System.exit} in a cell fail the cell instead of ending the kernel; false where the JVM cannot. */
    boolean guardAgainstExit() {
        return evaluator.guardAgainstExit();
    }

    /** Runs code before the first cell (IJava's startup scripts); a failing script is reported and skipped. */
    void runStartupScripts(List<String> scripts, PrintStream console) {
        for (String script : scripts) {
            try {
                evalRaw(script);
            } catch (RuntimeException e) {
                console.println("A startup script failed and was skipped: " + e.getMessage());
            }
        }
    }

    /** Adds jars or class folders (separated by the path separator) to cells, and loads any extensions in them. */
    public void addToClasspath(String classpath) {
        evaluator.addToClasspath(classpath);
        installExtensions(evaluator.classLoader());
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
            throw e;
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
                || error instanceof CellInterruptedException) {
            lines.add(errorStyler.primary(error.getClass().getSimpleName()));
            lines.addAll(errorStyler.primaryLines(error.getMessage()));
            return lines;
        }
        if (error instanceof EvaluationException) {
            lines.add(errorStyler.primary(error.getMessage()));
            StackTraceElement[] frames = error.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_TRACE_FRAMES); i++) {
                lines.add(errorStyler.secondary("    at " + frames[i]));
            }
            if (frames.length > MAX_TRACE_FRAMES) {
                lines.add(errorStyler.secondary("    ... " + (frames.length - MAX_TRACE_FRAMES) + " more"));
            }
            return lines;
        }
        return super.formatError(error);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
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
    public ReplacementOptions complete(String code, int at) {
        Completions completions = assistant.complete(code, at);
        return new ReplacementOptions(completions.matches(), completions.start(), completions.end());
    }

    @Override
    public String isComplete(String code) {
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

    /** No history is kept between sessions; the reply says so rather than leaving the client waiting. */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new OkReplies.History());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    protected void handleShutdownRequest(ShellReplyEnvironment env, Message<ShutdownRequest> request) {
        boolean restart = request.getContent().isRestart();
        env.setBusyDeferIdle();
        OkReplies.Shutdown reply = new OkReplies.Shutdown(restart);
        env.defer().reply(new Message(env.getContext(), reply.getType(), reply));
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
