package io.github.nbworkbench.kernel.execution;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells, in jshell's words, what redefining a type did to the variables that depend on it. A class
 * whose fields or methods changed cannot be redefined in place, so JShell replaces it and silently
 * resets the variables that held it; a type that now needs something undeclared disables them.
 */
final class VariableUpdates {
    /** Every type declaration has one of these words (or spells it with unicode escapes); a snippet without any declares no type. */
    private static final Pattern TYPE_KEYWORD = Pattern.compile("\\b(class|interface|enum|record)\\b|\\\\u");

    private final JShell shell;
    private final InProcessExecutionControl control;
    private Map<String, Object> before = Map.of();

    VariableUpdates(JShell shell, InProcessExecutionControl control) {
        this.shell = shell;
        this.control = control;
    }

    /** Remembers the variables' values before a snippet that declares a type (no other snippet resets them). */
    void beforeSnippet(String source) {
        before = declaresType(source) ? currentValues() : Map.of();
    }

    /** Asks JShell (which analyses the snippet, as costly as compiling it) only when a type keyword appears at all. */
    private boolean declaresType(String source) {
        return TYPE_KEYWORD.matcher(source).find()
                && shell.sourceCodeAnalysis().sourceToSnippets(source).stream()
                        .anyMatch(snippet -> snippet.kind() == Snippet.Kind.TYPE_DECL);
    }

    /** One line per variable that the snippet's events reset or disabled. */
    List<String> notes(List<SnippetEvent> events) {
        List<String> notes = new ArrayList<>();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null || !(event.snippet() instanceof VarSnippet variable)
                    || !event.previousStatus().isActive()) {
                continue;
            }
            if (event.status() == Snippet.Status.VALID) {
                Object old = before.get(variable.name());
                Object now = control.variableValue(shell, variable);
                if (old != null && (isBoxedPrimitive(old) ? !old.equals(now) : old != now)) {
                    notes.add("update modified variable " + variable.name() + ", reset to " + now);
                }
            } else if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                String missing = shell.unresolvedDependencies(variable).collect(Collectors.joining(", "));
                notes.add("update replaced variable " + variable.name() + " which cannot be referenced until "
                        + (missing.isEmpty() ? "its type is declared again" : missing + " is declared"));
            }
        }
        before = Map.of();
        return notes;
    }

    private Map<String, Object> currentValues() {
        Map<String, Object> values = new HashMap<>();
        shell.variables()
                .filter(variable -> shell.status(variable) == Snippet.Status.VALID)
                .forEach(variable -> {
                    Object value = control.variableValue(shell, variable);
                    if (value != null) {
                        values.put(variable.name(), value);
                    }
                });
        return values;
    }

    private static boolean isBoxedPrimitive(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof Character;
    }
}
