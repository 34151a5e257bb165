package io.github.nbworkbench.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into runs of Java code and line magics. A line magic is a line whose first
 * non-blank character is {@code %}; a cell magic is a cell whose first non-blank line starts
 * with {@code %%}, and owns the rest of the cell.
 */
public final class CellSegments {
    private CellSegments() {
    }

    public record Segment(String code, String magicName, List<String> magicArgs) {
        public boolean isMagic() {
            return magicName != null;
        }
    }

    public record CellMagicCall(String name, List<String> args, String body) { }

    public static boolean isCellMagic(String cell) {
        return cell.stripLeading().startsWith("%%");
    }

    public static CellMagicCall parseCellMagic(String cell) {
        String stripped = cell.stripLeading();
        int newline = stripped.indexOf('\n');
        String header = (newline < 0 ? stripped : stripped.substring(0, newline)).substring(2);
        String body = newline < 0 ? "" : stripped.substring(newline + 1);
        List<String> words = MagicArguments.split(header);
        if (words.isEmpty()) {
            throw new MagicException("A cell magic needs a name after %%, for example %%time.");
        }
        return new CellMagicCall(words.get(0), words.subList(1, words.size()), body);
    }

    public static List<Segment> split(String cell) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith("%") && !stripped.startsWith("%%")) {
                flush(code, segments);
                List<String> words = MagicArguments.split(stripped.substring(1));
                if (words.isEmpty()) {
                    throw new MagicException("A line magic needs a name after %, for example %lsmagic.");
                }
                segments.add(new Segment(null, words.get(0), words.subList(1, words.size())));
            } else {
                code.append(line).append('\n');
            }
        }
        flush(code, segments);
        return segments;
    }

    private static void flush(StringBuilder code, List<Segment> segments) {
        if (!code.toString().isBlank()) {
            segments.add(new Segment(code.toString(), null, List.of()));
        }
        code.setLength(0);
    }
}
