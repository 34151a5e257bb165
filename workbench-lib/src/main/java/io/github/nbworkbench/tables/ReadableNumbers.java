package io.github.nbworkbench.tables;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * How the workbench's tables print measured numbers (losses, metrics, learning rates, times): about
 * {@value #SIGNIFICANT_DIGITS} significant digits, all digits of the integer part, and scientific
 * notation for values below {@value #SMALLEST_PLAIN} or from {@value #LARGEST_PLAIN} on:
 * 171.2, 0.1235, 1,351, 3.2E-7, 1.235E7. Only the printing changes; the column keeps the exact
 * values, and CSV and JSON exports write them in full.
 *
 * <pre>{@code
 * ReadableNumbers.apply(table.doubleColumn("loss"));
 * }</pre>
 */
public final class ReadableNumbers {

    public static final int SIGNIFICANT_DIGITS = 4;
    public static final int FRACTION_DECIMALS = 4;
    static final double SMALLEST_PLAIN = 1e-3;
    static final double LARGEST_PLAIN = 1e6;
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private ReadableNumbers() {
    }

    /** Sets the column's print formatter to this one and returns the column. */
    public static <C extends NumberColumn<?, ?>> C apply(C column) {
        column.setPrintFormatter(formatter());
        return column;
    }

    /**
     * Sets the print format of a column of fractions (precision, recall, probabilities, rates between 0
     * and 1) to {@value #FRACTION_DECIMALS} fixed decimals, so that the values line up and compare at a glance.
     */
    public static DoubleColumn applyToFractions(DoubleColumn column) {
        column.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(FRACTION_DECIMALS));
        return column;
    }

    /** A Tablesaw print formatter with this format; missing values print as an empty cell. */
    public static NumberColumnFormatter formatter() {
        return new NumberColumnFormatter(new SignificantDigitsFormat(), "");
    }

    /** One value as this format prints it. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude < SMALLEST_PLAIN || magnitude >= LARGEST_PLAIN) {
            return decimalFormat("0." + "#".repeat(SIGNIFICANT_DIGITS - 1) + "E0").format(value);
        }
        int integerDigits = (int) Math.floor(Math.log10(magnitude)) + 1;
        int decimals = Math.max(0, SIGNIFICANT_DIGITS - integerDigits);
        return decimalFormat("#,##0" + (decimals > 0 ? "." + "#".repeat(decimals) : "")).format(value);
    }

    private static DecimalFormat decimalFormat(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format;
    }

    /** {@link #format} as a {@link NumberFormat}, which is what Tablesaw's formatter takes; it only formats. */
    private static final class SignificantDigitsFormat extends NumberFormat {

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(ReadableNumbers.format(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(ReadableNumbers.format(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("ReadableNumbers formats numbers for printing only");
        }
    }
}
