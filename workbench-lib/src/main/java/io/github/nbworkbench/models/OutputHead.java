package io.github.nbworkbench.models;

import io.github.nbworkbench.data.LabeledDataset;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** What a network's last layer predicts: classes (softmax, cross-entropy) or continuous targets (identity, mean squared error). */
enum OutputHead {

    CLASSES {
        @Override
        OutputLayer layer(int outputs) {
            if (outputs < 2) {
                throw new IllegalArgumentException("a classifier needs 2 classes or more, got " + outputs);
            }
            return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(outputs).activation(Activation.SOFTMAX).build();
        }
    },

    TARGETS {
        @Override
        OutputLayer layer(int outputs) {
            if (outputs < 1) {
                throw new IllegalArgumentException("a regression network needs 1 target column or more, got " + outputs);
            }
            return new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(outputs).activation(Activation.IDENTITY).build();
        }
    };

    abstract OutputLayer layer(int outputs);

    /**
     * The outputs a network needs for {@code data}: its classes, or its target columns. A classifier
     * refuses labels that are not classes, naming the {@code builder} called and the {@code regressionOption}.
     */
    int outputsFor(LabeledDataset data, String builder, String regressionOption) {
        if (this == CLASSES) {
            LabelCheck.requireClasses(data, builder, regressionOption);
            return data.numClasses();
        }
        return (int) data.labels().size(1);
    }

    /** The outputs a network needs for a batch: its label columns, which must be classes for a classifier. */
    int outputsFor(DataSet sample, String builder, String regressionOption) {
        if (this == CLASSES) {
            LabelCheck.requireClasses(sample.getLabels(), builder, regressionOption);
        }
        return (int) sample.getLabels().size(1);
    }
}
