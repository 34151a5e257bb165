package io.github.nbworkbench.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One layer's {@link LayerSample}s summed up for the doctor: medians over the run (robust to a
 * single odd batch), the largest gradient (a spike is what explodes), and the ReLU shares of the
 * last epoch that has samples (units dead at the end are what the model is left with).
 */
record LayerFigures(String label, double medianGradient, double largestGradient, double firstGradient, double medianUpdateRatio,
        double deadShare, double zeroShare, boolean relu) {

    /** One entry per layer, in the network's order. */
    static List<LayerFigures> of(List<LayerSample> samples) {
        Map<Integer, List<LayerSample>> byLayer = new LinkedHashMap<>();
        samples.stream().sorted((a, b) -> Integer.compare(a.layerIndex(), b.layerIndex()))
                .forEach(sample -> byLayer.computeIfAbsent(sample.layerIndex(), index -> new ArrayList<>()).add(sample));
        List<LayerFigures> figures = new ArrayList<>();
        for (List<LayerSample> layer : byLayer.values()) {
            int lastEpoch = layer.stream().mapToInt(LayerSample::epoch).max().orElseThrow();
            List<LayerSample> lastEpochSamples = layer.stream().filter(sample -> sample.epoch() == lastEpoch).toList();
            double largest = layer.stream().mapToDouble(LayerSample::gradientNorm).filter(value -> !Double.isNaN(value)).max().orElse(Double.NaN);
            figures.add(new LayerFigures(layer.get(0).label(), median(layer, LayerSample::gradientNorm), largest,
                    layer.get(0).gradientNorm(), median(layer, LayerSample::updateRatio), median(lastEpochSamples, LayerSample::deadShare),
                    median(lastEpochSamples, LayerSample::zeroShare), layer.get(0).isRelu()));
        }
        return figures;
    }

    boolean hasGradient() {
        return !Double.isNaN(medianGradient);
    }

    /** The median of the finite values, NaN when there are none. */
    static double median(List<LayerSample> samples, ToDoubleFunction<LayerSample> value) {
        double[] values = samples.stream().mapToDouble(value).filter(Double::isFinite).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** The layer whose weights move fastest (largest median update ratio), or null without any. */
    static LayerFigures fastest(List<LayerFigures> layers) {
        return layers.stream().filter(layer -> Double.isFinite(layer.medianUpdateRatio()))
                .max((a, b) -> Double.compare(a.medianUpdateRatio(), b.medianUpdateRatio())).orElse(null);
    }

    static String labels(List<LayerFigures> layers) {
        return String.join(", ", layers.stream().map(LayerFigures::label).toList());
    }
}
