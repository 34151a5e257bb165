package io.github.nbworkbench.models;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** What every builder of this package ends with. */
final class Networks {

    private Networks() {
    }

    /** A network of {@code configuration} with its parameters initialised, ready to train. */
    static MultiLayerNetwork initialized(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}
