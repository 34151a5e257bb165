package io.github.nbworkbench.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** How metric tables print: a fixed number of decimals; the values themselves stay exact. */
final class Decimals {

    static final int PLACES = 4;

    private Decimals() {
    }

    static DoubleColumn fixed(DoubleColumn column) {
        column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(PLACES));
        return column;
    }
}
