package io.github.nbworkbench.plot;

import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Handmade training histories with the columns the train package writes. */
final class Histories {

    private Histories() {
    }

    /** Five epochs of loss, val_loss, accuracy, val_accuracy plus the bookkeeping columns. */
    static Table small() {
        return Table.create("history",
                IntColumn.create("epoch", 1, 2, 3, 4, 5),
                DoubleColumn.create("loss", 1.0, 0.6, 0.4, 0.3, 0.25),
                DoubleColumn.create("val_loss", 1.1, 0.7, 0.5, 0.45, 0.5),
                DoubleColumn.create("accuracy", 0.6, 0.75, 0.85, 0.9, 0.92),
                DoubleColumn.create("val_accuracy", 0.55, 0.7, 0.8, 0.83, 0.82),
                DoubleColumn.create("lr", 0.01, 0.01, 0.01, 0.005, 0.005),
                DoubleColumn.create("seconds", 3.1, 3.0, 3.0, 3.2, 3.1),
                DoubleColumn.create("samples_per_s", 1000, 1010, 1005, 990, 1001));
    }

    /** A smooth made-up run of {@code epochs} epochs; {@code rate} sets how fast it learns. */
    static Table synthetic(String name, int epochs, double rate) {
        double[] loss = IntStream.range(0, epochs).mapToDouble(e -> 0.2 + 2 * Math.exp(-rate * e)).toArray();
        double[] valLoss = IntStream.range(0, epochs).mapToDouble(e -> 0.3 + 2 * Math.exp(-rate * e) + 0.004 * e).toArray();
        double[] accuracy = IntStream.range(0, epochs).mapToDouble(e -> 0.97 - 0.8 * Math.exp(-rate * e)).toArray();
        double[] valAccuracy = IntStream.range(0, epochs).mapToDouble(e -> 0.93 - 0.8 * Math.exp(-rate * e) - 0.001 * e).toArray();
        return Table.create(name,
                IntColumn.create("epoch", IntStream.rangeClosed(1, epochs).toArray()),
                DoubleColumn.create("loss", loss), DoubleColumn.create("val_loss", valLoss),
                DoubleColumn.create("accuracy", accuracy), DoubleColumn.create("val_accuracy", valAccuracy));
    }
}
