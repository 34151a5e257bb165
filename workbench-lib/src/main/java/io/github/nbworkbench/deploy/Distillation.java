package io.github.nbworkbench.deploy;

import java.util.Arrays;
import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Knowledge distillation (Hinton et al., 2015): a student learns from the teacher's
 * temperature-softened distribution, weighted with the true labels, which wrong classes are nearly
 * right for each example. Two parts: {@link #student(MultiLayerNetwork)} gives the student's softmax
 * output the {@link DistillationLoss} with this temperature and alpha, and this class, as a
 * pre-processor of the training batches, puts the teacher's softened distribution beside each
 * batch's labels. The softened distribution is computed from the teacher's probabilities,
 * {@code p^(1/T)} renormalised, which equals softmax(z / T) for any softmax output.
 *
 * <pre>{@code
 * Distillation distillation = Distillation.from(teacher).temperature(4).alpha(0.7);
 * DataSetIterator batches = train.batchSize(64).shuffle(42).iterator();
 * batches.setPreProcessor(distillation);
 * Trainer.of(distillation.student(student)).epochs(5).fit(batches);
 * }</pre>
 *
 * It replaces the iterator's own pre-processor; normalise the data before, not in it.
 */
public final class Distillation implements DataSetPreProcessor {

    private static final long serialVersionUID = 1L;

    private final transient MultiLayerNetwork teacher;
    private double temperature = 4;
    private double alpha = 0.7;

    private Distillation(MultiLayerNetwork teacher) {
        this.teacher = Objects.requireNonNull(teacher, "teacher");
    }

    /** Distils {@code teacher} (temperature 4, alpha 0.7 by default). */
    public static Distillation from(MultiLayerNetwork teacher) {
        return new Distillation(teacher);
    }

    /** Softens the teacher's distribution: 1 keeps it, higher spreads it over the wrong classes. */
    public Distillation temperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("The temperature must be a positive number, got " + temperature);
        }
        this.temperature = temperature;
        return this;
    }

    /** The weight of the teacher's targets against the true labels, in [0, 1]. */
    public Distillation alpha(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha weighs the teacher against the labels and must be in [0, 1], got " + alpha);
        }
        this.alpha = alpha;
        return this;
    }

    /**
     * Sets {@code student}'s output loss to the {@link DistillationLoss} with this temperature and
     * alpha, and returns it. The student must be initialised, end in a softmax {@code OutputLayer},
     * and have the teacher's classes.
     */
    public MultiLayerNetwork student(MultiLayerNetwork student) {
        if (student.getLayers() == null) {
            throw new IllegalStateException("The student is not initialised; call init() first");
        }
        Layer output = student.getOutputLayer().conf().getLayer();
        if (!(output instanceof BaseOutputLayer outputLayer) || !(outputLayer.getActivationFn() instanceof ActivationSoftmax)) {
            throw new IllegalArgumentException("The student must end in an output layer with a softmax activation, it ends in "
                    + output.getClass().getSimpleName());
        }
        long teacherClasses = teacher.layerSize(teacher.getnLayers() - 1);
        if (outputLayer.getNOut() != teacherClasses) {
            throw new IllegalArgumentException("The student has " + outputLayer.getNOut() + " outputs and the teacher " + teacherClasses
                    + "; they must share the classes");
        }
        outputLayer.setLossFn(new DistillationLoss(temperature, alpha));
        return student;
    }

    @Override
    public void preProcess(DataSet batch) {
        batch.setLabels(targets(batch.getFeatures(), batch.getLabels()));
    }

    /** [teacher's softened distribution | labels] for {@code features} whose true labels are {@code labels} ([N, classes]). */
    public INDArray targets(INDArray features, INDArray labels) {
        INDArray probabilities = teacher.output(features, false).castTo(DataType.DOUBLE);
        if (!Arrays.equals(probabilities.shape(), labels.shape())) {
            throw new IllegalArgumentException("The teacher gives outputs of shape " + Arrays.toString(probabilities.shape())
                    + " but the labels have shape " + Arrays.toString(labels.shape()) + "; teacher and student must share the classes");
        }
        INDArray softened = Transforms.pow(Transforms.max(probabilities, 1e-30, false), 1 / temperature, false);
        softened.diviColumnVector(softened.sum(1));
        return Nd4j.hstack(softened.castTo(labels.dataType()), labels);
    }
}
