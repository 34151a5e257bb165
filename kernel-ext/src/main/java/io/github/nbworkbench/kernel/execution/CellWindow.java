package io.github.nbworkbench.kernel.execution;

/**
 * The part of a cell around the cursor that completion and inspection analyse, so that their work
 * is bounded in a huge cell: at most {@value #BEFORE} characters before the cursor and
 * {@value #AFTER} after it, cut at line ends. Completion needs the snippet at the cursor only;
 * what earlier cells defined JShell knows by itself.
 *
 * <p>The cursor comes in Unicode code points, as the Jupyter protocol (5.2+) counts it, while Java
 * strings count UTF-16 units: an emoji is one code point and two units.
 *
 * @param offset where {@code text} starts in the cell, in UTF-16 units
 * @param cursor the cursor in {@code text}, in UTF-16 units
 */
record CellWindow(String cell, int offset, String text, int cursor) {
    static final int BEFORE = 16_000;
    static final int AFTER = 4_000;

    /** The window around a cursor given in code points; a cursor out of the cell is moved to its nearest end. */
    static CellWindow around(String cell, int cursorCodePoints) {
        int codePoints = cell.codePointCount(0, cell.length());
        int cursor = cell.offsetByCodePoints(0, Math.max(0, Math.min(cursorCodePoints, codePoints)));
        int start = 0;
        if (cursor > BEFORE) {
            int lineStart = cell.indexOf('\n', cursor - BEFORE) + 1;
            start = lineStart > 0 && lineStart <= cursor ? lineStart : outsidePair(cell, cursor - BEFORE);
        }
        int end = cell.length();
        if (end - cursor > AFTER) {
            int lineEnd = cell.lastIndexOf('\n', cursor + AFTER);
            end = lineEnd >= cursor ? lineEnd : outsidePair(cell, cursor + AFTER);
        }
        return new CellWindow(cell, start, cell.substring(start, end), cursor - start);
    }

    /** A position in {@code text} (UTF-16) as a position in the whole cell in code points. */
    int cellCodePoints(int textIndex) {
        return cell.codePointCount(0, offset + textIndex);
    }

    private static int outsidePair(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index + 1 : index;
    }
}
