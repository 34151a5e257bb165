package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class AugmentingIteratorTest {

    private static final int EXAMPLES = 83;
    private static final int BATCH = 8;
    private static final int SIDE = 6;

    private final List<AugmentingIterator> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(AugmentingIterator::close);
    }

    private AugmentingIterator wrap(DataSetIterator base, long seed, int prefetch) {
        AugmentationPipeline pipeline = AugmentationPipeline.builder().flipHorizontal(0.5).cropWithPadding(2).rotate(15).seed(seed).build();
        AugmentingIterator iterator = new AugmentingIterator(base, pipeline, prefetch);
        opened.add(iterator);
        return iterator;
    }

    @Test
    void deliversTheSameBatchesAndExamplesAsTheBaseWithLabelsUnchanged() {
        List<DataSet> plain = drain(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE));
        List<DataSet> augmented = drain(wrap(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE), 1, 3));
        assertEquals(11, plain.size());
        assertEquals(plain.size(), augmented.size());
        int examples = 0;
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).getLabels(), augmented.get(i).getLabels(), "labels of batch " + i);
            assertEquals(plain.get(i).getFeatures().shapeInfoToString(), augmented.get(i).getFeatures().shapeInfoToString());
            assertNotEquals(plain.get(i).getFeatures(), augmented.get(i).getFeatures());
            examples += augmented.get(i).numExamples();
        }
        assertEquals(EXAMPLES, examples);
    }

    @Test
    void prefetchingGivesTheSameBatchesAsAugmentingOneAfterAnother() {
        AugmentationPipeline pipeline = AugmentationPipeline.builder().flipHorizontal(0.5).cropWithPadding(2).rotate(15).seed(5).build();
        List<DataSet> plain = drain(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE));
        List<DataSet> prefetched = drain(wrap(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE), 5, 4));
        List<DataSet> unbuffered = drain(wrap(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE), 5, 1));
        for (int i = 0; i < plain.size(); i++) {
            INDArray expected = pipeline.apply(plain.get(i).getFeatures(), i);
            assertEquals(expected, prefetched.get(i).getFeatures(), "batch " + i);
            assertEquals(expected, unbuffered.get(i).getFeatures(), "batch " + i);
        }
    }

    @Test
    void eachEpochIsAugmentedAnewAndTwoRunsAgreeEpochByEpoch() {
        AugmentingIterator first = wrap(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE), 9, 3);
        AugmentingIterator second = wrap(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE), 9, 2);
        List<DataSet> firstEpoch = drain(first);
        drain(second);
        first.reset();
        second.reset();
        List<DataSet> secondEpoch = drain(first);
        List<DataSet> secondRunSecondEpoch = drain(second);
        assertEquals(firstEpoch.size(), secondEpoch.size());
        assertNotEquals(firstEpoch.get(0).getFeatures(), secondEpoch.get(0).getFeatures());
        for (int i = 0; i < secondEpoch.size(); i++) {
            assertEquals(secondEpoch.get(i).getFeatures(), secondRunSecondEpoch.get(i).getFeatures(), "batch " + i);
        }
    }

    @Test
    void resetInTheMiddleOfAnEpochStaysReproducibleWhateverWasPrefetched() {
        AugmentingIterator deep = wrap(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE), 3, 8);
        AugmentingIterator shallow = wrap(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE), 3, 1);
        for (AugmentingIterator iterator : List.of(deep, shallow)) {
            iterator.next();
            iterator.next();
            iterator.reset();
        }
        assertEquals(deep.next().getFeatures(), shallow.next().getFeatures());
        assertEquals(11, 1 + drain(deep).size(), "a whole epoch after the reset");
    }

    @Test
    void resetAndCloseLeaveNoThreadsBehind() throws InterruptedException {
        SyntheticImageIterator base = new SyntheticImageIterator(EXAMPLES, BATCH, SIDE);
        AugmentingIterator iterator = wrap(base, 1, 2);
        for (int epoch = 0; epoch < 5; epoch++) {
            iterator.next();
            assertTrue(augmentingThreads() >= 1, "a producer runs while an epoch is under way");
            iterator.reset();
        }
        assertEquals(5, base.resets());
        drain(iterator);
        awaitNoAugmentingThreads();
        iterator.reset();
        iterator.next();
        iterator.close();
        assertEquals(0, augmentingThreads());
        assertFalse(iterator.hasNext(), "closed until the next reset");
        iterator.reset();
        assertTrue(iterator.hasNext());
        iterator.close();
        assertEquals(0, augmentingThreads());
    }

    @Test
    void errorsInTheBackgroundThreadSurfaceInHasNext() {
        DataSetIterator flatRows = new SyntheticImageIterator(EXAMPLES, BATCH, SIDE);
        flatRows.setPreProcessor(batch -> batch.setFeatures(batch.getFeatures().reshape(batch.getFeatures().size(0), SIDE * SIDE)));
        AugmentingIterator iterator = wrap(flatRows, 1, 2);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, iterator::hasNext);
        assertTrue(error.getMessage().contains("[N, C, H, W]"), error.getMessage());
        assertFalse(iterator.hasNext());
    }

    @Test
    void theBasePreprocessorRunsBeforeAugmentationAndTheWrappersAfter() {
        SyntheticImageIterator raw = new SyntheticImageIterator(EXAMPLES, BATCH, SIDE, 255);
        raw.setPreProcessor(batch -> batch.getFeatures().divi(255));
        AugmentingIterator iterator = new AugmentingIterator(raw, AugmentationPipeline.builder().noise(0.01).build());
        opened.add(iterator);
        List<DataSet> scaledThenAugmented = drain(iterator);
        // scaled after clipping, raw pixels 0..255 would all end up at or below 1/255
        double mean = scaledThenAugmented.get(0).getFeatures().meanNumber().doubleValue();
        assertTrue(mean > 0.3 && mean < 0.7, "scaled to [0, 1] before the noise was clipped to [0, 1]: mean " + mean);
        iterator.reset();
        iterator.setPreProcessor(batch -> batch.getFeatures().subi(10));
        assertTrue(iterator.next().getFeatures().maxNumber().doubleValue() < -9, "shifted after clipping");
    }

    @Test
    void describesItselfAsTheBaseDoesButNotAsynchronous() {
        SyntheticImageIterator base = new SyntheticImageIterator(EXAMPLES, BATCH, SIDE);
        AugmentingIterator iterator = wrap(base, 1, 2);
        assertFalse(iterator.asyncSupported(), "it prefetches itself; DL4J must not wrap it again");
        assertTrue(iterator.resetSupported());
        assertEquals(BATCH, iterator.batch());
        assertEquals(SIDE * SIDE, iterator.inputColumns());
        assertEquals(SyntheticImageIterator.CLASSES, iterator.totalOutcomes());
        assertEquals(base.getLabels(), iterator.getLabels());
        assertThrows(UnsupportedOperationException.class, () -> iterator.next(4));
        assertThrows(IllegalArgumentException.class, () -> new AugmentingIterator(base, AugmentationPipeline.builder().build(), 0));
    }

    @Test
    void trainsAMultiLayerNetworkForSeveralEpochs() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Sgd(0.1)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(SyntheticImageIterator.CLASSES).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1)).build());
        net.init();
        AugmentingIterator iterator = wrap(new SyntheticImageIterator(EXAMPLES, BATCH, SIDE), 1, 2);
        net.fit(iterator, 3);
        assertEquals(3 * 11, net.getIterationCount());
        iterator.close();
        assertEquals(0, augmentingThreads());
    }

    private static List<DataSet> drain(DataSetIterator iterator) {
        List<DataSet> batches = new ArrayList<>();
        while (iterator.hasNext()) {
            batches.add(iterator.next());
        }
        return batches;
    }

    private static long augmentingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(AugmentingIterator.THREAD_NAME_PREFIX))
                .count();
    }

    /**
     * A producer that handed over its last batch ends a moment later, on its own. Waits up to 10 s:
     * a loaded 2-core machine can delay that moment by seconds, and a producer that never ends still fails.
     */
    private static void awaitNoAugmentingThreads() throws InterruptedException {
        long start = System.nanoTime();
        while (augmentingThreads() > 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(10);
        }
        System.out.printf("augmenting threads ended %d ms after the last batch%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertEquals(0, augmentingThreads());
    }
}
