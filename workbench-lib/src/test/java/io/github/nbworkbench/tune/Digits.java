package io.github.nbworkbench.tune;

import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.data.Standardizer;
import io.github.nbworkbench.data.TabularData;
import io.github.nbworkbench.data.TrainingData;
import io.github.nbworkbench.models.Mlps;
import io.github.nbworkbench.testdata.SklearnData;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;

/**
 * Searches on scikit-learn's digits (1,797 images of 8x8 pixels, 10 classes; no notebook uses them):
 * 600 training and 400 validation examples, small enough for many trials in a test.
 */
final class Digits {

    static final String OBJECTIVE = History.validation("accuracy");

    private static TrainingData data;

    private Digits() {
    }

    static synchronized TrainingData data() {
        if (data == null) {
            LabeledDataset all = TabularData.load(SklearnData.file("digits.csv.gz")).label(-1).classification().shuffled(5);
            TrainingData parts = all.trainValidationSplit(0.4, 7);
            Standardizer standardizer = Standardizer.fitOn(parts.trainSet());
            data = TrainingData.of(standardizer.apply(parts.trainSet().limit(600)), standardizer.apply(parts.validationSet().limit(400)))
                    .shuffle(7);
        }
        return data;
    }

    /** An MLP of the trial's learning rate ("lr"), width ("width", default 32) and batch size ("batch", default 64). */
    static History train(TrialRun trial) {
        Params params = trial.params();
        var net = Mlps.classifier().hiddenSizes(params.has("width") ? params.integer("width") : 32)
                .learningRate(params.real("lr")).seed(trial.seed()).build(64, 10);
        return trial.trainer(net).metrics(Metric.ACCURACY).fit(data().batchSize(params.has("batch") ? params.integer("batch") : 64));
    }
}
