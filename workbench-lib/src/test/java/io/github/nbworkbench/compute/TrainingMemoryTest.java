package io.github.nbworkbench.compute;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Sgd;
import tech.tablesaw.api.Table;

@RequiresDataset(FASHION_MNIST)
class TrainingMemoryTest {

    private static final LabeledDataset IMAGES = FashionMnist.load().train().limit(128);

    @Test
    void adamInFloat32Keeps16BytesPerParameterReadFromTheNetwork() {
        MultiLayerNetwork cnn = Cnns.classic(IMAGES);                      // Adam, float32

        TrainingMemory memory = TrainingMemory.of(cnn);

        double parameters = cnn.numParams();
        assertEquals(693_962, parameters, "conv 320 + dense 692,352 + output 1,290");
        assertEquals(4 * parameters, memory.weightBytes());
        assertEquals(4 * parameters, memory.gradientBytes());
        assertEquals(2, memory.optimizerStateValuesPerParameter(), "Adam's two running means");
        assertEquals(8 * parameters, memory.optimizerStateBytes());
        assertEquals(16, memory.bytesPerParameter());
        assertEquals(112e9, memory.forParameters(7e9).totalBytes(), 1);
        assertEquals(16, memory.forParameters(7e9).withSixteenBitWeights().bytesPerParameter(),
                "2 + 2 bytes of 16-bit weights and gradients, 4 of the float32 master copy, 8 of Adam's state");
        assertTrue(memory.activationBytes().isEmpty());
    }

    @Test
    void anUninitialisedNetworkIsRefusedInTheWordsOfTrainingMemory() {
        MultiLayerNetwork uninitialised = new MultiLayerNetwork(Cnns.classic(IMAGES).getLayerWiseConfigurations());

        String message = assertThrows(IllegalStateException.class, () -> TrainingMemory.of(uninitialised)).getMessage();

        assertTrue(message.startsWith("The network is not initialised, so it has no parameters to measure yet: call net.init()"
                + " before TrainingMemory.of(net)"), message);
    }

    @Test
    void sgdKeepsNoOptimizerState() {
        MultiLayerNetwork cnn = Cnns.classic(IMAGES);
        cnn.getLayerWiseConfigurations().getConfs().forEach(layer -> {
            if (layer.getLayer() instanceof BaseLayer weights) {
                weights.setIUpdater(new Sgd(0.1));
            }
        });

        TrainingMemory memory = TrainingMemory.of(cnn);

        assertEquals(0, memory.optimizerStateBytes());
        assertEquals(8, memory.bytesPerParameter());
        assertEquals(8, memory.forParameters(1e9).withSixteenBitWeights().bytesPerParameter(), "2 + 2 + a float32 master copy");
    }

    @Test
    void theTableExtrapolatesTo7bAndShowsTheBatchsActivationsApart() {
        MultiLayerNetwork cnn = Cnns.classic(IMAGES);
        INDArray features = IMAGES.batchSize(64).iterator().next().getFeatures();

        TrainingMemory memory = TrainingMemory.of(cnn, features, 64);
        Table table = memory.table();
        System.out.println(table.print());

        assertEquals(6, table.rowCount());
        assertEquals(5, table.columnCount());
        assertEquals("11.1 MB", table.stringColumn(1).get(3), "693,962 parameters x 16 bytes");
        assertEquals("16.0 GB", table.stringColumn(2).get(3));
        assertEquals("112 GB", table.stringColumn(3).get(3));
        assertEquals("28.0 GB", table.stringColumn(3).get(0), "7B float32 weights");
        assertEquals("14.0 GB", table.stringColumn(4).get(0), "7B 16-bit weights");
        assertEquals("84.0 GB", table.stringColumn(4).get(2), "the float32 master copy and Adam's state");
        assertEquals("depends on the layers", table.stringColumn(2).get(5));
        long activations = memory.activationBytes().orElseThrow();
        assertTrue(activations > 4L * 64 * 32 * 26 * 26, "at least the convolution's float outputs: " + activations);
        long twice = TrainingMemory.of(cnn, features, 128).activationBytes().orElseThrow();
        assertTrue(twice > 1.8 * activations && twice < 2.2 * activations, activations + " bytes for 64, " + twice + " for 128");
        assertThrows(IllegalArgumentException.class, () -> TrainingMemory.of(cnn, features, 0));
    }
}
