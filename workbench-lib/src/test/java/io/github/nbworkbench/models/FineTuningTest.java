package io.github.nbworkbench.models;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static io.github.nbworkbench.testdata.Dataset.MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.Mnist;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Trainer;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

@RequiresDataset({MNIST, FASHION_MNIST})
class FineTuningTest {

    private static final int EPOCHS = 8;
    private static Mnist mnist;
    private static MultiLayerNetwork digits;
    private static FashionMnist fashion;

    /** The classic CNN after one epoch on 4,000 of MNIST's training digits: the pretrained network of every test. */
    @BeforeAll
    static void pretrainOnMnist() {
        mnist = Mnist.load();
        LabeledDataset pretraining = mnist.train().limit(4_000);
        digits = Cnns.classic().seed(1).build(pretraining);
        Trainer.of(digits).quiet().seed(1).fit(pretraining.batchSize(64).shuffle(1).iterator());
        fashion = FashionMnist.load();
    }

    @Test
    void frozenLayersKeepTheirParametersAndTheOthersTrain() {
        MultiLayerNetwork clothes = FineTuning.of(digits).freezeThrough(2).newOutput(10).learningRate(1e-3).seed(2).network();
        INDArray convBefore = clothes.getLayer(0).params().dup();
        INDArray denseBefore = clothes.getLayer(2).params().dup();
        INDArray outputBefore = clothes.getLayer(3).params().dup();

        Trainer.of(clothes).quiet().seed(2).fit(fashion.train().limit(500).batchSize(50).iterator());

        assertEquals(convBefore, clothes.getLayer(0).params(), "the frozen convolution changed");
        assertEquals(denseBefore, clothes.getLayer(2).params(), "the frozen dense layer changed");
        assertNotEquals(outputBefore, clothes.getLayer(3).params(), "the output layer did not train");
        assertEquals(digits.getLayer(0).params(), convBefore, "frozen layers start from the pretrained weights");
    }

    @Test
    void withoutFreezingEveryLayerTrainsFromThePretrainedWeightsAndThePretrainedNetworkStaysAsItWas() {
        INDArray pretrained = digits.params().dup();
        MultiLayerNetwork moreDigits = FineTuning.of(digits).network();
        assertEquals(pretrained, moreDigits.params(), "the copy starts from the pretrained weights, output layer included");

        Trainer.of(moreDigits).quiet().seed(3).fit(mnist.test().limit(500).batchSize(50).iterator());

        assertNotEquals(digits.getLayer(0).params(), moreDigits.getLayer(0).params(), "the first layer did not train");
        assertEquals(pretrained, digits.params(), "fine-tuning changed the pretrained network");
    }

    @Test
    void theSameSeedBuildsTheSameNewOutputLayerWhateverTheGeneratorDidBefore() {
        FineTuning tuning = FineTuning.of(digits).freezeThrough(1).newOutput(10).seed(5);
        INDArray first = tuning.network().params();
        Nd4j.getRandom().nextDouble();
        INDArray second = tuning.network().params();
        INDArray otherSeed = FineTuning.of(digits).freezeThrough(1).newOutput(10).seed(6).network().params();

        assertEquals(first, second, "the same seed gave another network");
        assertNotEquals(first, otherSeed, "another seed gave the same output layer");
        assertEquals(FineTuning.of(digits).newOutput(10).network().params(), FineTuning.of(digits).newOutput(10).network().params(),
                "without a seed the pretrained network's seed makes it repeatable");
    }

    @Test
    void theNewOutputLayerHasTheNewNumberOfClasses() {
        LabeledDataset fiveClothes = classes(fashion.train().limit(1_000), 0, 5);

        MultiLayerNetwork network = FineTuning.of(digits).freezeThrough("layer1").newOutput(5).network();
        Trainer.of(network).quiet().fit(fiveClothes.batchSize(50).iterator());

        MultiLayerConfiguration conf = network.getLayerWiseConfigurations();
        assertEquals(10, digits.layerSize(3), "the pretrained network knows 10 digits");
        assertEquals(5, ((FeedForwardLayer) conf.getConf(3).getLayer()).getNOut());
        assertEquals(128, ((FeedForwardLayer) conf.getConf(3).getLayer()).getNIn());
        assertEquals(5, network.output(fiveClothes.features().get(NDArrayIndex.interval(0, 4))).size(1));
    }

    /**
     * Fine-tuning against training from scratch on 150 labelled Fashion-MNIST images (0.25%): the
     * numbers a notebook shows. Only that all three learn is asserted, because which one wins does
     * NOT hold from one subset to the next: pretrained on 8,000 digits, measured on 300 images with 10 epochs, from scratch 0.762 and 0.775 on
     * two subsets, fine-tuned from MNIST 0.777 and 0.767 (all layers), 0.785 and 0.762 (conv frozen);
     * with 6 epochs scratch led (0.762 against 0.747 and 0.733). Pretrained on the digits 0-4 and
     * fine-tuned on 20 or 50 images of 5-9, scratch won 5 of 8 comparisons. Digits teach this small
     * CNN, which learns much from very few images, too little to show.
     */
    @Test
    void fineTuningAndTrainingFromScratchOnAFewFashionImagesBothLearn() {
        LabeledDataset few = fashion.train().shuffled(4).limit(150);
        LabeledDataset test = fashion.test().limit(2_000);

        double scratch = accuracyAfterTraining(Cnns.classic().seed(5).build(few), few, test);
        double unfrozen = accuracyAfterTraining(FineTuning.of(digits).newOutput(10).learningRate(1e-3).seed(5).network(), few, test);
        double frozen = accuracyAfterTraining(FineTuning.of(digits).freezeThrough(1).newOutput(10).learningRate(1e-3).seed(5).network(), few, test);

        System.out.printf("150 Fashion-MNIST images, %d epochs, test accuracy on 2,000: from scratch %.3f,"
                + " fine-tuned from MNIST %.3f (all layers), %.3f (conv frozen)%n", EPOCHS, scratch, unfrozen, frozen);
        for (double accuracy : new double[] {scratch, unfrozen, frozen}) {
            assertTrue(accuracy > 0.55, "test accuracies " + scratch + ", " + unfrozen + ", " + frozen + " (chance: 0.10)");
        }
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class, () -> FineTuning.of(digits).freezeThrough(3));
        assertTrue(outOfRange.getMessage().contains("freeze through one of 0..2"), outOfRange.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FineTuning.of(digits).freezeThrough(-1));
        IllegalArgumentException unknownName = assertThrows(IllegalArgumentException.class, () -> FineTuning.of(digits).freezeThrough("conv"));
        assertTrue(unknownName.getMessage().contains("0 'layer0' Im2colConvolution"), unknownName.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FineTuning.of(digits).newOutput(1));

        MultiLayerNetwork notInitialised = new MultiLayerNetwork(digits.getLayerWiseConfigurations().clone());
        IllegalArgumentException uninitialised = assertThrows(IllegalArgumentException.class, () -> FineTuning.of(notInitialised));
        assertTrue(uninitialised.getMessage().contains("not initialised"), uninitialised.getMessage());
    }

    private static double accuracyAfterTraining(MultiLayerNetwork network, LabeledDataset train, LabeledDataset test) {
        Trainer.of(network).epochs(EPOCHS).quiet().seed(6).fit(train.batchSize(32).shuffle(6).iterator());
        return network.evaluate(test.batchSize(500).iterator()).accuracy();
    }

    /** The examples of classes [from, to), relabelled 0..to-from-1. */
    private static LabeledDataset classes(LabeledDataset data, int from, int to) {
        LabeledDataset subset = data.select(IntStream.range(0, data.size()).filter(i -> data.classIndex(i) >= from && data.classIndex(i) < to).toArray());
        int[] labels = IntStream.of(subset.classIndices()).map(c -> c - from).toArray();
        return LabeledDataset.classification(subset.features(), labels, data.classNames().subList(from, to));
    }
}
