package io.github.nbworkbench.train;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalDouble;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.optimize.api.ConvexOptimizer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.dataset.api.DataSet;

final class MultiLayerNetworkModel implements TrainableModel {

    private final MultiLayerNetwork net;

    MultiLayerNetworkModel(MultiLayerNetwork net) {
        this.net = net;
    }

    @Override
    public Model model() {
        return net;
    }

    @Override
    public void fit(DataSet batch) {
        net.fit(batch);
    }

    @Override
    public double computeGradient(DataSet batch) {
        GradientAccumulation.refuseTruncatedBptt(net.getLayerWiseConfigurations().getBackpropType());
        net.setInput(batch.getFeatures());
        net.setLabels(batch.getLabels());
        net.setLayerMaskArrays(batch.getFeaturesMaskArray(), batch.getLabelsMaskArray());
        try {
            net.computeGradientAndScore();
        } finally {
            net.clearLayerMaskArrays();
            net.clearLayersStates();
        }
        return net.score();
    }

    @Override
    public INDArray gradient() {
        return net.getFlattenedGradients();
    }

    @Override
    public BaseMultiLayerUpdater<?> updater() {
        return (BaseMultiLayerUpdater<?>) net.getUpdater();
    }

    @Override
    public ConvexOptimizer optimizer() {
        net.getUpdater();
        return net.getOptimizer();
    }

    @Override
    public double lastLoss() {
        return net.score();
    }

    @Override
    public double loss(DataSet batch) {
        return net.score(toConcrete(batch), false);
    }

    @Override
    public INDArray output(DataSet batch) {
        return net.output(batch.getFeatures(), false, batch.getFeaturesMaskArray(), batch.getLabelsMaskArray());
    }

    @Override
    public INDArray params() {
        return net.params();
    }

    @Override
    public void setParams(INDArray params) {
        net.setParams(params);
    }

    @Override
    public INDArray updaterState() {
        return net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
    }

    @Override
    public void setUpdaterState(INDArray state) {
        ((BaseMultiLayerUpdater<?>) net.getUpdater()).setStateViewArray(state);
    }

    @Override
    public int iterationCount() {
        return net.getIterationCount();
    }

    @Override
    public void setIterationCount(int iterations) {
        net.setIterationCount(iterations);
    }

    @Override
    public int epochCount() {
        return net.getEpochCount();
    }

    @Override
    public void setEpochCount(int epochs) {
        net.setEpochCount(epochs);
    }

    @Override
    public void incrementEpochCount() {
        net.incrementEpochCount();
    }

    @Override
    public OptionalDouble learningRate() {
        return LearningRates.get(net.getLayers(), net.getIterationCount(), net.getEpochCount());
    }

    @Override
    public void setLearningRate(double learningRate) {
        LearningRates.set(net.getLayers(), learningRate);
    }

    @Override
    public Collection<TrainingListener> listeners() {
        return net.getListeners();
    }

    @Override
    public void write(OutputStream out, boolean withUpdaterState) throws IOException {
        ModelSerializer.writeModel(net, out, withUpdaterState);
    }

    @Override
    public Optional<ILossFunction> outputLoss() {
        return net.getOutputLayer().conf().getLayer() instanceof BaseOutputLayer output ? Optional.of(output.getLossFn()) : Optional.empty();
    }

    @Override
    public FirstLayer firstLayer() {
        var conf = net.getLayerWiseConfigurations();
        var layer = conf.getConf(0).getLayer();
        return new FirstLayer(layer.getLayerName(), layer, conf.getInputPreProcess(0));
    }

    static org.nd4j.linalg.dataset.DataSet toConcrete(DataSet batch) {
        return batch instanceof org.nd4j.linalg.dataset.DataSet concrete ? concrete
                : new org.nd4j.linalg.dataset.DataSet(batch.getFeatures(), batch.getLabels(),
                        batch.getFeaturesMaskArray(), batch.getLabelsMaskArray());
    }
}
