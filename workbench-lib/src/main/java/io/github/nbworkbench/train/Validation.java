package io.github.nbworkbench.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Scores a model on validation data in inference mode: the mean loss and each metric, as History's val_ columns. */
public final class Validation {

    private Validation() {
    }

    /**
     * {@code val_loss} (mean per example, or per unmasked time step for sequence labels; DL4J's loss
     * function without dropout) and {@code val_<metric>}
     * for each of {@code metrics}, over one pass of {@code data} (reset first when it can be).
     */
    public static Map<String, Double> score(TrainableModel model, DataSetIterator data, List<Metric> metrics) {
        if (data.resetSupported()) {
            data.reset();
        }
        List<Metric.Accumulator> accumulators = new ArrayList<>(metrics.size());
        metrics.forEach(metric -> accumulators.add(metric.newAccumulator()));
        LossMean loss = new LossMean();
        while (data.hasNext()) {
            DataSet batch = data.next();
            loss.add(model.loss(batch), batch);
            addToMetrics(model, accumulators, batch);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(History.VALIDATION_LOSS, loss.value());
        for (int i = 0; i < metrics.size(); i++) {
            values.put(History.validation(metrics.get(i).name()), accumulators.get(i).value());
        }
        return values;
    }

    /** Adds {@code batch}'s inference-mode outputs to every accumulator; no forward pass when there are none. */
    static void addToMetrics(TrainableModel model, List<Metric.Accumulator> accumulators, DataSet batch) {
        if (accumulators.isEmpty()) {
            return;
        }
        var outputs = model.output(batch);
        for (Metric.Accumulator accumulator : accumulators) {
            accumulator.add(batch.getLabels(), outputs, batch.getLabelsMaskArray());
        }
    }
}
