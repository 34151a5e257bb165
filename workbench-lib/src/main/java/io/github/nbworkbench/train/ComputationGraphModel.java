package io.github.nbworkbench.train;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.optimize.api.ConvexOptimizer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.dataset.api.DataSet;

final class ComputationGraphModel implements TrainableModel {

    private final ComputationGraph graph;

    ComputationGraphModel(ComputationGraph graph) {
        int inputs = graph.getConfiguration().getNetworkInputs().size();
        int outputs = graph.getConfiguration().getNetworkOutputs().size();
        if (inputs != 1 || outputs != 1) {
            throw new IllegalArgumentException("Training on a DataSetIterator needs a graph with one input and one output; this one has "
                    + inputs + " inputs and " + outputs + " outputs. Train it with graph.fit(MultiDataSetIterator) instead.");
        }
        this.graph = graph;
    }

    @Override
    public Model model() {
        return graph;
    }

    @Override
    public void fit(DataSet batch) {
        graph.fit(batch);
    }

    @Override
    public double computeGradient(DataSet batch) {
        GradientAccumulation.refuseTruncatedBptt(graph.getConfiguration().getBackpropType());
        INDArray featuresMask = batch.getFeaturesMaskArray();
        INDArray labelsMask = batch.getLabelsMaskArray();
        graph.setInputs(batch.getFeatures());
        graph.setLabels(batch.getLabels());
        graph.setLayerMaskArrays(featuresMask == null ? null : new INDArray[] {featuresMask},
                labelsMask == null ? null : new INDArray[] {labelsMask});
        try {
            graph.computeGradientAndScore();
        } finally {
            graph.clearLayerMaskArrays();
            graph.clearLayersStates();
        }
        return graph.score();
    }

    @Override
    public INDArray gradient() {
        return graph.getFlattenedGradients();
    }

    @Override
    public BaseMultiLayerUpdater<?> updater() {
        return graph.getUpdater();
    }

    @Override
    public ConvexOptimizer optimizer() {
        graph.getUpdater();
        return graph.getOptimizer();
    }

    @Override
    public double lastLoss() {
        return graph.score();
    }

    @Override
    public double loss(DataSet batch) {
        return graph.score(batch, false);
    }

    @Override
    public INDArray output(DataSet batch) {
        INDArray featuresMask = batch.getFeaturesMaskArray();
        INDArray labelsMask = batch.getLabelsMaskArray();
        return graph.output(false, new INDArray[] {batch.getFeatures()},
                featuresMask == null ? null : new INDArray[] {featuresMask},
                labelsMask == null ? null : new INDArray[] {labelsMask})[0];
    }

    @Override
    public INDArray params() {
        return graph.params();
    }

    @Override
    public void setParams(INDArray params) {
        graph.setParams(params);
    }

    @Override
    public INDArray updaterState() {
        return graph.getUpdater() == null ? null : graph.getUpdater().getStateViewArray();
    }

    @Override
    public void setUpdaterState(INDArray state) {
        graph.getUpdater().setStateViewArray(state);
    }

    @Override
    public int iterationCount() {
        return graph.getIterationCount();
    }

    @Override
    public void setIterationCount(int iterations) {
        graph.getConfiguration().setIterationCount(iterations);
    }

    @Override
    public int epochCount() {
        return graph.getEpochCount();
    }

    @Override
    public void setEpochCount(int epochs) {
        graph.getConfiguration().setEpochCount(epochs);
    }

    @Override
    public void incrementEpochCount() {
        graph.incrementEpochCount();
    }

    @Override
    public OptionalDouble learningRate() {
        return LearningRates.get(graph.getLayers(), graph.getIterationCount(), graph.getEpochCount());
    }

    @Override
    public void setLearningRate(double learningRate) {
        LearningRates.set(graph.getLayers(), learningRate);
    }

    @Override
    public Collection<TrainingListener> listeners() {
        return graph.getListeners();
    }

    @Override
    public void write(OutputStream out, boolean withUpdaterState) throws IOException {
        ModelSerializer.writeModel(graph, out, withUpdaterState);
    }

    @Override
    public Optional<ILossFunction> outputLoss() {
        return graph.getOutputLayer(0).conf().getLayer() instanceof BaseOutputLayer output ? Optional.of(output.getLossFn()) : Optional.empty();
    }

    @Override
    public FirstLayer firstLayer() {
        var conf = graph.getConfiguration();
        String input = conf.getNetworkInputs().get(0);
        return conf.getVertexInputs().entrySet().stream()
                .filter(e -> e.getValue().contains(input))
                .filter(e -> conf.getVertices().get(e.getKey()) instanceof LayerVertex)
                .findFirst()
                .map(e -> {
                    LayerVertex vertex = (LayerVertex) conf.getVertices().get(e.getKey());
                    return new FirstLayer(e.getKey(), vertex.getLayerConf().getLayer(), vertex.getPreProcessor());
                })
                .orElse(new FirstLayer(input, null, null));
    }
}
