package io.github.nbworkbench.kernel.execution;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Documentation;
import jdk.jshell.SourceCodeAnalysis.Suggestion;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Completion, inspection and the is-complete check for a cell, each applied to the snippet of the
 * cell that holds the cursor (JShell's analysis works on one snippet at a time).
 */
public final class CodeAssistant {
    public enum Completeness { COMPLETE, INCOMPLETE, INVALID }

    public record Completions(List<String> matches, int start, int end) { }

    private final SourceCodeAnalysis analysis;

    public CodeAssistant(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    public Completions complete(String cell, int cursor) {
        SnippetAtCursor at = snippetAt(cell, cursor);
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(at.source(), at.cursor(), anchor);
        List<String> matches = suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new Completions(matches, at.offset() + anchor[0], cursor);
    }

    /** Signatures and, where the JDK or library ships sources, javadoc of what is at the cursor. */
    public List<Documentation> inspect(String cell, int cursor) {
        SnippetAtCursor at = snippetAt(cell, cursor);
        int end = at.cursor();
        while (end < at.source().length() && Character.isJavaIdentifierPart(at.source().charAt(end))) {
            end++;
        }
        List<Documentation> docs = analysis.documentation(at.source(), end, true);
        if (docs.isEmpty() && end > 0 && Character.isJavaIdentifierPart(at.source().charAt(end - 1))) {
            // JShell documents methods from inside their parentheses: Math.abs finds nothing, Math.abs( does
            docs = analysis.documentation(at.source().substring(0, end) + "(", end + 1, true);
        }
        return docs;
    }

    public Completeness completeness(String cell) {
        String remaining = cell;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case EMPTY:
                    return Completeness.COMPLETE;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return Completeness.INCOMPLETE;
                case UNKNOWN:
                    return Completeness.INVALID;
                default:
                    if (!JavaSyntax.parses(info.source())) {
                        return Completeness.INVALID;
                    }
                    remaining = info.remaining();
            }
        }
        return Completeness.COMPLETE;
    }

    private record SnippetAtCursor(String source, int offset, int cursor) { }

    private SnippetAtCursor snippetAt(String cell, int cursor) {
        int offset = 0;
        String remaining = cell;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            int consumed = remaining.length() - (info.remaining() == null ? 0 : info.remaining().length());
            boolean last = info.source() == null || info.remaining() == null || info.remaining().isBlank()
                    || consumed <= 0;
            if (last || offset + consumed >= cursor) {
                String source = last ? remaining : remaining.substring(0, consumed);
                int local = Math.max(0, Math.min(cursor - offset, source.length()));
                return new SnippetAtCursor(source, offset, local);
            }
            offset += consumed;
            remaining = info.remaining();
        }
    }
}
