package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.execution.CellEvaluator;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;

import java.io.PrintStream;
import java.util.List;

/** Assembles a {@link WorkbenchKernel} from the base library's parts and a JShell cell evaluator. */
final class WorkbenchKernelBuilder extends BaseKernelBuilder<WorkbenchKernelBuilder, WorkbenchKernel> {
    /**
     * Imports every cell starts with ({@link WorkbenchKernel#prepareCells}): jshell's default imports (so {@code new ArrayList<>()} works as
     * in jshell and JJava), and display(), render(), updateDisplay() and clearOutput().
     */
    static final List<String> STARTUP_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.prefs.*;", "import java.util.regex.*;", "import java.util.stream.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;",
            "import static io.github.nbworkbench.kernel.NotebookFunctions.*;");

    private final PrintStream console;
    private final IJavaSettings settings;

    WorkbenchKernelBuilder(PrintStream console, IJavaSettings settings) {
        this.console = console;
        this.settings = settings;
    }

    @Override
    public WorkbenchKernel build() {
        CellEvaluator evaluator = new CellEvaluator(console, settings.compilerOptions());
        settings.timeout().ifPresent(evaluator::limitStatementTime);
        settings.classpath().forEach(path -> evaluator.addToClasspath(path.toAbsolutePath().toString()));
        LanguageInfo java = new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell",
                "java", "text/x-java", "script");
        return new WorkbenchKernel(buildVersion(), java, List.of(), new ExecutionHistory(),
                new WorkbenchIO(buildJupyterIOEncoding()), buildCommManager(), buildRenderer(),
                new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler()), buildMagicsRegistry(),
                buildErrorStyler(), evaluator);
    }

    @Override
    protected String buildVersion() {
        String version = WorkbenchKernel.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
