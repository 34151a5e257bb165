package io.github.nbworkbench.kernel.execution;

import com.sun.source.util.JavacTask;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Whether a snippet can be parsed as Java, without compiling it: names need not be defined yet.
 * JShell's own check cannot tell "x + 1" (fine, x may come later) from "x +* 1" (never valid).
 */
final class JavaSyntax {
    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

    private JavaSyntax() {
    }

    /** A snippet is valid as a class member, as statements, as an expression or as an import. */
    static boolean parses(String snippet) {
        String expression = snippet.strip().replaceAll(";$", "");
        return parsesAsUnit("class Snippet$ {\n" + snippet + "\n}")
                || parsesAsUnit("class Snippet$ { void run$() {\n" + snippet + "\n} }")
                || parsesAsUnit("class Snippet$ { Object value$ = (\n" + expression + "\n); }")
                || parsesAsUnit(snippet + "\nclass Snippet$ { }");
    }

    private static boolean parsesAsUnit(String source) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) COMPILER.getTask(null, null, diagnostics, List.of("-proc:none"), null,
                List.of(new Source(source)));
        try {
            task.parse();
        } catch (IOException e) {
            return false;
        }
        return diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR);
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String code) {
            super(URI.create("string:///Snippet$.java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
