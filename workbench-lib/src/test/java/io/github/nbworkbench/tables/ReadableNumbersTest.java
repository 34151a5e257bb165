package io.github.nbworkbench.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;

class ReadableNumbersTest {

    @Test
    void aboutFourSignificantDigitsAndScientificNotationForTheVeryLargeAndSmall() {
        assertEquals("171.2", ReadableNumbers.format(171.23456));
        assertEquals("3.2", ReadableNumbers.format(3.2));
        assertEquals("0.1235", ReadableNumbers.format(0.123456));
        assertEquals("0.001", ReadableNumbers.format(0.001));
        assertEquals("1,351", ReadableNumbers.format(1351.27));
        assertEquals("123,457", ReadableNumbers.format(123456.7));
        assertEquals("-2.5", ReadableNumbers.format(-2.5));
        assertEquals("3.2E-7", ReadableNumbers.format(3.2e-7));
        assertEquals("1.235E7", ReadableNumbers.format(12345678.9));
        assertEquals("0", ReadableNumbers.format(0));
        assertEquals("", ReadableNumbers.format(Double.NaN));
        assertEquals("Infinity", ReadableNumbers.format(Double.POSITIVE_INFINITY));
    }

    @Test
    void aColumnPrintsReadablyAndKeepsItsExactValues() {
        DoubleColumn column = ReadableNumbers.apply(DoubleColumn.create("loss", 0.6931471805599453, 1e-9, Double.NaN));

        assertEquals("0.6931", column.getString(0));
        assertEquals("1E-9", column.getString(1));
        assertEquals("", column.getString(2));
        assertEquals(0.6931471805599453, column.getDouble(0));
    }
}
