package io.github.nbworkbench.train;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.TrainValidationSplit;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@RequiresDataset(FASHION_MNIST)
class ParallelTrainerTest {

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoAveragingWorkersLearnFashionMnistAndFillTheHistory() {
        TrainValidationSplit split = FashionMnist.load().train().limit(3000).trainValidationSplit(0.2, 1);
        MultiLayerNetwork net = Cnns.classic(split.train());

        History history = ParallelTrainer.of(net).workers(2).averagingFrequency(3).epochs(2).quiet()
                .validation(split.validation().batchSize(256).iterator()).metrics(Metric.ACCURACY)
                .fit(split.train().batchSize(32).shuffle(1).iterator());

        assertEquals(List.of("epoch", "loss", "val_loss", "val_accuracy", "lr", "seconds", "samples_per_s"), history.columnNames());
        assertEquals(2, history.rowCount());
        double accuracy = history.value("val_accuracy", 2);
        assertTrue(accuracy > 0.65, "validation accuracy after 2 epochs on 2,400 images: " + accuracy);
        assertTrue(history.value("samples_per_s", 1) > 0);
        assertEquals(2, net.getEpochCount());
    }

    @Test
    void badSettingsAreRefused() {
        LabeledDataset data = FashionMnist.load().test().limit(10);
        MultiLayerNetwork net = Cnns.classic(data);
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> ParallelTrainer.of(net).workers(1));
        assertTrue(one.getMessage().contains("Trainer.of(model)"), one.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParallelTrainer.of(net).averagingFrequency(0));
    }
}
