package io.github.nbworkbench.diagnose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures one training step from inside DL4J, as a listener attached for that step only: the ReLU
 * layers' outputs of the forward pass, each layer's gradient before the updater, and its parameters
 * and update after the step. It only reads the network's arrays, so the step is the same with it.
 * A step that accumulates the gradients of several batches ({@code Trainer.accumulateGradients})
 * makes a forward pass per batch and sums their gradients: the ReLU shares cover every batch, and
 * the gradient is divided by all their examples, as the updater divides it.
 */
final class StepRecorder extends BaseTrainingListener {

    private final int epoch;
    private final long batch;
    private final List<ObservedLayer> layers;
    private final ReluActivity[] activity;
    /** Examples of the forward passes since the last gradient: the batch, or every batch of an accumulated step. */
    private long examples;
    private final double[] gradientNorms;
    private final double[] parameterNorms;
    private final double[] updateRatios;

    StepRecorder(int epoch, long batch, List<ObservedLayer> layers) {
        this.epoch = epoch;
        this.batch = batch;
        this.layers = layers;
        this.activity = new ReluActivity[layers.size()];
        this.gradientNorms = nans(layers.size());
        this.parameterNorms = nans(layers.size());
        this.updateRatios = nans(layers.size());
    }

    /** A MultiLayerNetwork's forward pass: the input, then each layer's output (the output layer's left out). */
    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        examples += activations.get(0).size(0);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (int i = 0; i < layers.size(); i++) {
                int position = layers.get(i).index() + 1;
                if (layers.get(i).relu() && position < activations.size()) {
                    addActivity(i, activations.get(position));
                }
            }
        }
    }

    /** A ComputationGraph's forward pass: each vertex's output by name. */
    @Override
    public void onForwardPass(Model model, Map<String, INDArray> activations) {
        examples += model.batchSize();
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            for (int i = 0; i < layers.size(); i++) {
                INDArray output = activations.get(layers.get(i).name());
                if (layers.get(i).relu() && output != null) {
                    addActivity(i, output);
                }
            }
        }
    }

    private void addActivity(int layer, INDArray output) {
        if (activity[layer] == null) {
            activity[layer] = new ReluActivity();
        }
        activity[layer].add(output);
    }

    /**
     * Before the updater: the gradient view holds the gradient of the summed loss of the step's
     * examples, which the updater divides by their number.
     */
    @Override
    public void onGradientCalculation(Model model) {
        double divisor = model.conf().isMiniBatch() ? examples : 1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).hasParameters()) {
                gradientNorms[i] = layers.get(i).layer().getGradientsViewArray().norm2Number().doubleValue() / divisor;
            }
        }
        examples = 0;
    }

    /** After the step: the updater has turned the gradient view into the update the parameters were moved by. */
    @Override
    public void iterationDone(Model model, int iteration, int epochCount) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).hasParameters()) {
                parameterNorms[i] = layers.get(i).layer().params().norm2Number().doubleValue();
                updateRatios[i] = layers.get(i).layer().getGradientsViewArray().norm2Number().doubleValue() / parameterNorms[i];
            }
        }
    }

    /** One sample per measured layer. */
    List<LayerSample> samples() {
        List<LayerSample> samples = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            ObservedLayer layer = layers.get(i);
            samples.add(new LayerSample(epoch, batch, layer.index(), layer.name(), layer.type(), gradientNorms[i], parameterNorms[i],
                    updateRatios[i], activity[i] == null ? Double.NaN : activity[i].zeroShare(),
                    activity[i] == null ? Double.NaN : activity[i].deadShare()));
        }
        return samples;
    }

    private static double[] nans(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
