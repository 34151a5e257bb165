package io.github.nbworkbench.diagnose;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationReLU;

/**
 * A layer that {@link TrainingStatistics} measures: one with parameters (gradient and update norms)
 * or a ReLU activation (zero and dead shares), or both.
 *
 * @param index its position in the network's layer array
 * @param name  its configured name, else {@code "layer <index>"}
 * @param type  its configuration class, e.g. {@code DenseLayer}
 */
record ObservedLayer(int index, String name, String type, Layer layer, boolean relu) {

    /** The measured layers of a MultiLayerNetwork or a ComputationGraph, in the network's order. */
    static List<ObservedLayer> of(Model model) {
        Layer[] layers = model instanceof MultiLayerNetwork net ? net.getLayers()
                : model instanceof ComputationGraph graph ? graph.getLayers() : null;
        if (layers == null) {
            throw new IllegalArgumentException("Training statistics support MultiLayerNetwork and ComputationGraph, not "
                    + model.getClass().getName());
        }
        boolean graph = model instanceof ComputationGraph;
        List<ObservedLayer> observed = new ArrayList<>();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            String configuredName = conf.getLayerName();
            // a MultiLayerNetwork names an unnamed layer "layer2"; say "layer 2" then
            String name = graph || !(configuredName == null || configuredName.equals("layer" + i)) ? configuredName : "layer " + i;
            boolean relu = conf instanceof BaseLayer base ? base.getActivationFn() instanceof ActivationReLU
                    : conf instanceof ActivationLayer activation && activation.getActivationFn() instanceof ActivationReLU;
            if (layers[i].numParams() > 0 || relu) {
                observed.add(new ObservedLayer(i, name, conf.getClass().getSimpleName(), layers[i], relu));
            }
        }
        return observed;
    }

    boolean hasParameters() {
        return layer.numParams() > 0;
    }
}
