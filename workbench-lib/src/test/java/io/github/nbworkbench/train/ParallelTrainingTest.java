package io.github.nbworkbench.train;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.models.Cnns;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@RequiresDataset(FASHION_MNIST)
class ParallelTrainingTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoAveragingWorkersLearnFashionMnistAndFillTheHistory() {
        TrainingData split = FashionMnist.load().train().limit(3000).trainValidationSplit(0.2, 1).batchSize(32).shuffle(1);
        MultiLayerNetwork net = Cnns.classic(split.trainSet());

        History history = Trainer.of(net).strategy(ParallelTraining.workers(2).averagingFrequency(3)).epochs(2).quiet()
                .metrics(Metric.ACCURACY).fit(split);

        assertEquals(List.of("epoch", "loss", "val_loss", "val_accuracy", "lr", "seconds", "samples_per_s"), history.columnNames());
        assertEquals(2, history.rowCount());
        double accuracy = history.value("val_accuracy", 2);
        assertTrue(accuracy > 0.65, "validation accuracy after 2 epochs on 2,400 images: " + accuracy);
        assertTrue(history.value("samples_per_s", 1) > 0);
        assertEquals(2, net.getEpochCount());
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void earlyStoppingAndOtherEpochCallbacksRunWithParallelWorkers() {
        TrainingData data = FashionMnist.load().train().limit(1200).trainValidationSplit(0.25, 2).batchSize(32);
        MultiLayerNetwork net = Cnns.classic(data.trainSet());
        List<Integer> begun = new ArrayList<>();
        Callback epochStarts = new Callback() {
            @Override
            public void onEpochBegin(TrainingContext context, int epoch) {
                begun.add(epoch);
            }
        };

        // an improvement of 10 in val_loss never comes, so patience 1 stops after epoch 2
        History history = Trainer.of(net).strategy(ParallelTraining.workers(2).averagingFrequency(3)).epochs(5).quiet()
                .callbacks(epochStarts, new EarlyStopping("val_loss").minDelta(10).patience(1)).fit(data);

        assertEquals(2, history.rowCount());
        assertEquals(List.of(1, 2), begun);
        assertTrue(history.stopReason().orElseThrow().contains("val_loss has not improved for 1 epoch"), history.stopReason().orElseThrow());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aLearningRateSetByACallbackReachesTheWorkers() {
        LabeledDataset train = FashionMnist.load().train().limit(640);
        MultiLayerNetwork net = Cnns.classic(train);
        org.nd4j.linalg.api.ndarray.INDArray initial = net.params().dup();
        List<org.nd4j.linalg.api.ndarray.INDArray> afterEpochOne = new ArrayList<>();
        Callback freeze = new Callback() {
            @Override
            public void onEpochEnd(TrainingContext context, EpochValues values) {
                if (values.epoch() == 1) {
                    context.setLearningRate(0);
                    afterEpochOne.add(context.trainable().params().dup());
                }
            }
        };

        Trainer.of(net).strategy(ParallelTraining.workers(2).averagingFrequency(2)).epochs(2).quiet().callbacks(freeze)
                .fit(train.batchSize(32).shuffle(3).iterator());

        double epochOne = initial.distance2(afterEpochOne.get(0));
        double epochTwo = afterEpochOne.get(0).distance2(net.params());
        System.out.printf("parameters moved %.6f in epoch 1 and %.6f in epoch 2 at learning rate 0%n", epochOne, epochTwo);
        assertTrue(epochTwo < epochOne / 1000, "learning rate 0 from epoch 2 on: the workers changed (almost) nothing: moved "
                + epochOne + " in epoch 1 and " + epochTwo + " in epoch 2");
    }

    @Test
    void badSettingsAreRefused() {
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> ParallelTraining.workers(1));
        assertTrue(one.getMessage().contains("Trainer.of(model)"), one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParallelTraining.workers(2).averagingFrequency(0));
        assertThrows(IllegalArgumentException.class, () -> ParallelTraining.workers(2).prefetch(0));
    }

    @Test
    void theDefaultNaNGuardStopsAParallelRunAfterTheEpochThatBrokeTheParameters() {
        LabeledDataset clean = FashionMnist.load().train().limit(256);
        LabeledDataset broken = clean.withFeatures(clean.features().dup());
        broken.features().putScalar(new long[] {40, 0, 14, 14}, Double.NaN);
        MultiLayerNetwork net = Cnns.classic(clean);

        History history = Trainer.of(net).strategy(ParallelTraining.workers(2).averagingFrequency(2)).epochs(3).quiet()
                .fit(broken.batchSize(32).iterator());

        assertEquals(1, history.rowCount());
        assertTrue(history.stopReason().orElseThrow().contains("the parameters became NaN or infinite in epoch 1"),
                history.stopReason().orElseThrow());
    }
}
