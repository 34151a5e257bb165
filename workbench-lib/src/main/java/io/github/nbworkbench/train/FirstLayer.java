package io.github.nbworkbench.train;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.Layer;

/** The configuration of the layer that receives the data, and the preprocessor in front of it (or null). */
record FirstLayer(String name, Layer layer, InputPreProcessor preProcessor) {
}
