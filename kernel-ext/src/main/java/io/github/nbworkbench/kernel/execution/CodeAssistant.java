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

    private static final int FIRST_PREFIX = 2_048;

    private final SourceCodeAnalysis analysis;

    public CodeAssistant(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** Completions at the cursor; the cursor and the range to replace count Unicode code points, as Jupyter does. */
    public Completions complete(String cell, int cursor) {
        CellWindow window = CellWindow.around(cell, cursor);
        SnippetAtCursor at = snippetAt(window.text(), window.cursor());
        int[] anchor = new int[1];
        List<Suggestion> suggestions = analysis.completionSuggestions(at.source(), at.cursor(), anchor);
        List<String> matches = suggestions.stream()
                .sorted((a, b) -> Boolean.compare(b.matchesType(), a.matchesType()))
                .map(Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new Completions(matches, window.cellCodePoints(at.offset() + anchor[0]), window.cellCodePoints(window.cursor()));
    }

    /**
     * Signatures and, where the JDK or library ships sources, javadoc of what is at the cursor
     * (counted in Unicode code points, as Jupyter does).
     */
    public List<Documentation> inspect(String cell, int cursor) {
        CellWindow window = CellWindow.around(cell, cursor);
        SnippetAtCursor at = snippetAt(window.text(), window.cursor());
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
            int consumed = firstSnippetLength(remaining);
            boolean last = consumed <= 0;
            if (last || offset + consumed >= cursor) {
                String source = last ? remaining : remaining.substring(0, consumed);
                int local = Math.max(0, Math.min(cursor - offset, source.length()));
                return new SnippetAtCursor(source, offset, local);
            }
            offset += consumed;
            remaining = remaining.substring(consumed);
        }
    }

    /**
     * The length of the first snippet of the text, or 0 when it is the last one. JShell's analysis
     * reads all the text it is given, which made a cell of many snippets take quadratic time; it is
     * given a growing prefix instead, until a snippet ends in the first half of the prefix (the
     * second half is the look-ahead that tells, say, whether an 'else' follows an 'if').
     */
    private int firstSnippetLength(String text) {
        for (int prefix = FIRST_PREFIX; ; prefix *= 2) {
            boolean whole = prefix >= text.length();
            String analysed = whole ? text : text.substring(0, prefix);
            CompletionInfo info = analysis.analyzeCompletion(analysed);
            boolean endsInside = info.source() != null && info.remaining() != null && !info.remaining().isBlank();
            int consumed = analysed.length() - (info.remaining() == null ? 0 : info.remaining().length());
            if (endsInside && consumed > 0 && (whole || consumed <= analysed.length() / 2)) {
                return consumed;
            }
            if (whole) {
                return 0;
            }
        }
    }
}
