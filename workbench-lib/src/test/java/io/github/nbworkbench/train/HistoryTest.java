package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class HistoryTest {

    @TempDir
    Path folder;

    @Test
    void columnsAreEpochLossMetricsWithTheirValTwinsThenRunColumns() {
        History history = History.of(List.of("accuracy", "mae"), true);

        assertEquals(List.of("epoch", "loss", "val_loss", "accuracy", "val_accuracy", "mae", "val_mae", "lr", "seconds", "samples_per_s"),
                history.columnNames());
        assertInstanceOf(IntColumn.class, history.column("epoch"));
        assertInstanceOf(DoubleColumn.class, history.column("val_accuracy"));
        assertEquals(List.of("loss", "val_loss", "accuracy", "val_accuracy", "mae", "val_mae"), history.metricNames());
        assertEquals(List.of("epoch", "loss", "lr", "seconds", "samples_per_s"), History.of(List.of(), false).columnNames());
    }

    @Test
    void validationColumnNamesAreDerivedInOnePlace() {
        assertEquals("val_accuracy", History.validation("accuracy"));
        assertEquals(History.VALIDATION_LOSS, History.validation(History.LOSS));
        assertTrue(History.isValidation("val_top5_accuracy"));
        assertFalse(History.isValidation("accuracy"));
        assertEquals("top5_accuracy", History.metricOf("val_top5_accuracy"));
        assertEquals("loss", History.metricOf("loss"));
    }

    @Test
    void bestEpochFollowsTheMode() {
        History history = sample();

        assertEquals(2, history.bestEpoch("val_loss", Mode.MIN));
        assertEquals(3, history.bestEpoch("val_accuracy", Mode.AUTO));
        assertEquals(1, history.bestEpoch("val_accuracy", Mode.MIN));
        assertEquals(3, history.bestEpoch("loss", Mode.AUTO));
    }

    @Test
    void csvRoundTripKeepsValuesAndMissingOnes() {
        History history = sample();
        Path file = folder.resolve("history.csv");

        history.save(file);
        History read = History.load(file);

        assertEquals(history.columnNames(), read.columnNames());
        assertEquals(List.of(1, 2, 3), read.intColumn("epoch").asList());
        assertArrayEquals(history.doubleColumn("val_loss").asDoubleArray(), read.doubleColumn("val_loss").asDoubleArray());
        assertTrue(Double.isNaN(read.value("seconds", 2)));
        assertEquals(3, read.lastEpoch());
    }

    @Test
    void valuesPrintWithFourSignificantDigitsAndStayExactInTheTableAndTheCsv() {
        History history = History.of(List.of("bpc"), true);
        history.append(1, Map.of("loss", 171.23456789, "val_loss", 0.000012345678, "bpc", 3.2104, "val_bpc", 3.19876543,
                "lr", 0.002, "seconds", 12.3456, "samples_per_s", 1351.2749));
        Path file = folder.resolve("history.csv");

        history.save(file);

        String printed = history.print();
        assertTrue(printed.contains("171.2"), printed);
        assertTrue(printed.contains("1.235E-5"), printed);
        assertTrue(printed.contains("3.199"), printed);
        assertTrue(printed.contains("1,351"), printed);
        assertFalse(printed.contains("171.23456789"), printed);
        assertEquals("0.002", history.getString(0, "lr"));
        assertEquals(171.23456789, history.value("loss", 1));
        History read = History.load(file);
        assertEquals(0.000012345678, read.value("val_loss", 1));
        assertEquals(1351.2749, read.value("samples_per_s", 1));
        assertEquals("1.235E-5", read.getString(0, "val_loss"), "a history read back prints the same way");
    }

    @Test
    void itIsATablesawTable() {
        Table table = sample();

        Table good = table.where(table.doubleColumn("val_accuracy").isGreaterThan(0.6));

        assertEquals(2, good.rowCount());
    }

    @Test
    void clearErrorsForUnknownColumnsEpochsAndFiles() throws IOException {
        History history = sample();

        assertTrue(assertThrows(IllegalArgumentException.class, () -> history.bestEpoch("val_f1", Mode.MAX)).getMessage()
                .contains("no value column 'val_f1'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> history.value("loss", 9)).getMessage()
                .contains("no epoch 9"));
        Path notHistory = Files.writeString(folder.resolve("x.csv"), "a,b\n1,2\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> History.load(notHistory)).getMessage()
                .contains("not a training history"));
    }

    private static History sample() {
        History history = History.of(List.of("accuracy"), true);
        history.append(1, Map.of("loss", 1.0, "val_loss", 0.9, "accuracy", 0.5, "val_accuracy", 0.55, "lr", 0.1, "seconds", 1.0));
        history.append(2, Map.of("loss", 0.8, "val_loss", 0.7, "accuracy", 0.6, "val_accuracy", 0.65, "lr", 0.1));
        history.append(3, Map.of("loss", 0.6, "val_loss", 0.75, "accuracy", 0.7, "val_accuracy", 0.7, "lr", 0.01, "seconds", 1.5));
        return history;
    }
}
