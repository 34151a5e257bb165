package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, for history requests (a console's up-arrow, %history in frontends).
 * Kept in memory for the kernel's session only, which is session 1.
 */
final class ExecutionHistory implements HistoryManager {
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) { }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void record(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return entries(cells.subList(Math.max(0, cells.size() - length), cells.size()), flags);
    }

    /** Cells {@code start} (inclusive) to {@code stop} (exclusive) of this session (0 or 1 names it). */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != SESSION && session != 0) {
            return List.of();
        }
        return entries(cells.stream().filter(c -> c.number() >= start && c.number() < stop).toList(), flags);
    }

    /** The last {@code length} cells whose input matches a glob pattern ({@code *} and {@code ?}). */
    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        List<Cell> matches = cells.stream().filter(c -> pattern.matcher(c.input()).matches()).toList();
        if (flags.contains(ResultFlag.UNIQUE)) {
            Map<String, Cell> lastByInput = new LinkedHashMap<>();
            matches.forEach(c -> {
                lastByInput.remove(c.input());
                lastByInput.put(c.input(), c);
            });
            matches = List.copyOf(lastByInput.values());
        }
        int from = length > 0 ? Math.max(0, matches.size() - length) : 0;
        return entries(matches.subList(from, matches.size()), flags);
    }

    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean withOutput = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        return cells.stream()
                .map(c -> new HistoryEntry(SESSION, c.number(), c.input(),
                        withOutput ? (c.output() == null ? "" : c.output()) : null))
                .toList();
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
