package io.github.nbworkbench.layers;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Refuses, before training, a network where a layer that skips its input's gradient
 * ({@code withoutInputGradient()}) is fed by another layer: that layer would get no gradient to
 * learn from, and DL4J fails inside the first step ("epsilon is null") without naming either.
 */
public final class InputGradients {

    private InputGradients() {
    }

    /** @throws IllegalArgumentException naming the layer and what to change */
    public static void check(Model model) {
        if (model instanceof MultiLayerNetwork network) {
            List<NeuralNetConfiguration> layers = network.getLayerWiseConfigurations().getConfs();
            for (int i = 1; i < layers.size(); i++) {
                Layer layer = layers.get(i).getLayer();
                if (skipsInputGradient(layer)) {
                    throw refused("Layer " + i + " (" + describe(layer) + ")", "layer " + (i - 1) + " below it");
                }
            }
        } else if (model instanceof ComputationGraph graph) {
            ComputationGraphConfiguration configuration = graph.getConfiguration();
            Set<String> networkInputs = new HashSet<>(configuration.getNetworkInputs());
            for (Map.Entry<String, GraphVertex> vertex : configuration.getVertices().entrySet()) {
                List<String> feeding = configuration.getVertexInputs().get(vertex.getKey());
                if (vertex.getValue() instanceof LayerVertex layerVertex && skipsInputGradient(layerVertex.getLayerConf().getLayer())
                        && !networkInputs.containsAll(feeding)) {
                    throw refused("Vertex '" + vertex.getKey() + "' (" + describe(layerVertex.getLayerConf().getLayer()) + ")",
                            "the vertices feeding it " + feeding);
                }
            }
        }
    }

    static boolean skipsInputGradient(Layer layer) {
        return layer instanceof InputGradientOption option && !option.isInputGradient();
    }

    private static String describe(Layer layer) {
        return layer.getClass().getSimpleName() + (layer.getLayerName() == null ? "" : " '" + layer.getLayerName() + "'");
    }

    private static IllegalArgumentException refused(String which, String below) {
        return new IllegalArgumentException(which + " skips its input's gradient (withoutInputGradient()), so " + below
                + " would get no gradient to learn from: only a layer fed by the network's input may skip it. "
                + "Leave out withoutInputGradient() there.");
    }
}
