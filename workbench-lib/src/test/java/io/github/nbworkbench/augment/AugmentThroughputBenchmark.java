package io.github.nbworkbench.augment;

import io.github.nbworkbench.runtime.WorkbenchRuntime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.datavec.image.data.ImageWritable;
import org.datavec.image.loader.NativeImageLoader;
import org.datavec.image.transform.BoxImageTransform;
import org.datavec.image.transform.FlipImageTransform;
import org.datavec.image.transform.ImageTransform;
import org.datavec.image.transform.PipelineImageTransform;
import org.datavec.image.transform.RandomCropTransform;
import org.datavec.image.transform.RotateImageTransform;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Two measurements in one run, batch 128:
 * <ol>
 *   <li>images/s of flip + crop with padding 4 + rotation +-10 degrees on 28x28x1 (Fashion-MNIST)
 *       and 64x64x3 (random) images: our batch pipeline against DataVec's per-image
 *       {@code PipelineImageTransform} doing the same (Flip p 0.5, Box = zero padding, RandomCrop,
 *       Rotate), the latter with and without the INDArray-to-OpenCV conversions it needs per image;</li>
 *   <li>training samples/s of the classic CNN on Fashion-MNIST with augmentation through
 *       {@link AugmentingIterator} against no augmentation.</li>
 * </ol>
 * The sides take turns for several rounds (the machine may be shared); throughput reports the best
 * round, training the best and the median. Not a test: run it with {@code benchmarks/augment-throughput.sh}.
 */
public final class AugmentThroughputBenchmark {

    private static final int BATCH = 128;
    private static final int PADDING = 4;
    private static final double MAX_DEGREES = 10;
    private static final long SEED = 42;
    /** The machine is shared, so the sides take turns for several rounds; figures are the best round. */
    private static final int ROUNDS = 5;
    private static final double SECONDS_PER_ROUND = 1;
    private static final int TRAINING_BATCHES = 30;

    public static void main(String[] args) throws IOException {
        WorkbenchRuntime.configure();
        System.out.println(WorkbenchRuntime.describe());
        System.out.println();
        System.out.println("Augmentation throughput, batch " + BATCH + ", flip(0.5) + crop with padding "
                + PADDING + " + rotate(+-" + MAX_DEGREES + "), images/s, best of " + ROUNDS + " rounds");
        System.out.printf(Locale.ROOT, "%-12s %12s %18s %18s %8s%n", "images", "ours (batch)", "DataVec+convert",
                "DataVec only", "ratio");
        INDArray fashion = FashionMnistSample.available() ? FashionMnistSample.images(BATCH * 4) : null;
        if (fashion == null) {
            System.out.println("(Fashion-MNIST not installed: random 28x28 images instead)");
        }
        throughput("28x28x1", fashion != null ? fashion : Nd4j.rand(DataType.FLOAT, BATCH * 4, 1, 28, 28));
        throughput("64x64x3", Nd4j.rand(DataType.FLOAT, BATCH * 4, 3, 64, 64));
        System.out.println();
        if (fashion != null) {
            training();
        } else {
            System.out.println("Training comparison skipped: it needs Fashion-MNIST (apt-get install dataset-fashion-mnist)");
        }
    }

    private static void throughput(String label, INDArray images) {
        List<INDArray> batches = split(images);
        long h = images.size(2);
        long w = images.size(3);
        long c = images.size(1);
        AugmentationPipeline ours = AugmentationPipeline.builder().flipHorizontal(0.5).cropWithPadding(PADDING).rotate(MAX_DEGREES)
                .seed(SEED).build();
        DataVecPerImage dataVec = new DataVecPerImage(h, w, c);
        List<List<ImageWritable>> converted = batches.stream().map(dataVec::toWritables).toList();
        double oursPerSecond = 0;
        double dataVecPerSecond = 0;
        double transformOnlyPerSecond = 0;
        for (int round = 0; round < ROUNDS; round++) {
            oursPerSecond = Math.max(oursPerSecond, imagesPerSecond(batches, ours::apply));
            dataVecPerSecond = Math.max(dataVecPerSecond, imagesPerSecond(batches, dataVec::augment));
            transformOnlyPerSecond = Math.max(transformOnlyPerSecond, imagesPerSecond(converted, dataVec::transformOnly));
        }
        System.out.printf(Locale.ROOT, "%-12s %12.0f %18.0f %18.0f %7.1fx%n", label, oursPerSecond, dataVecPerSecond,
                transformOnlyPerSecond, oursPerSecond / dataVecPerSecond);
    }

    private static List<INDArray> split(INDArray images) {
        List<INDArray> batches = new ArrayList<>();
        for (long start = 0; start + BATCH <= images.size(0); start += BATCH) {
            batches.add(images.get(NDArrayIndex.interval(start, start + BATCH)).dup('c'));
        }
        return batches;
    }

    /** Warms up, then augments batches round-robin for at least SECONDS_PER_ROUND. */
    private static <T> double imagesPerSecond(List<T> batches, java.util.function.Consumer<T> augment) {
        for (int i = 0; i < 3; i++) {
            augment.accept(batches.get(i % batches.size()));
        }
        long start = System.nanoTime();
        long done = 0;
        while (System.nanoTime() - start < SECONDS_PER_ROUND * 1e9 || done < 3) {
            augment.accept(batches.get((int) (done % batches.size())));
            done++;
        }
        return done * BATCH / ((System.nanoTime() - start) / 1e9);
    }

    /** DataVec's way: every image goes to OpenCV and back on its own. */
    private static final class DataVecPerImage {

        private final NativeImageLoader loader;
        private final ImageTransform transform;
        private final Random random = new Random(SEED);

        DataVecPerImage(long height, long width, long channels) {
            loader = new NativeImageLoader(height, width, channels);
            transform = new PipelineImageTransform.Builder().setSeed(SEED)
                    .addImageTransform(new FlipImageTransform(1), 0.5)
                    .addImageTransform(new BoxImageTransform((int) width + 2 * PADDING, (int) height + 2 * PADDING))
                    .addImageTransform(new RandomCropTransform(SEED, (int) height, (int) width))
                    .addImageTransform(new RotateImageTransform(new Random(SEED), (float) MAX_DEGREES))
                    .build();
        }

        List<ImageWritable> toWritables(INDArray batch) {
            List<ImageWritable> images = new ArrayList<>();
            for (long i = 0; i < batch.size(0); i++) {
                images.add(new ImageWritable(loader.asFrame(batch.get(NDArrayIndex.interval(i, i + 1)))));
            }
            return images;
        }

        void transformOnly(List<ImageWritable> images) {
            for (ImageWritable image : images) {
                transform.transform(image, random);
            }
        }

        INDArray augment(INDArray batch) {
            INDArray augmented = Nd4j.create(DataType.FLOAT, batch.shape());
            List<ImageWritable> images = toWritables(batch);
            for (int i = 0; i < images.size(); i++) {
                try {
                    augmented.get(NDArrayIndex.interval(i, i + 1)).assign(loader.asMatrix(transform.transform(images.get(i), random)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return augmented;
        }
    }

    private static void training() throws IOException {
        INDArray images = FashionMnistSample.images(BATCH * TRAINING_BATCHES);
        INDArray labels = FashionMnistSample.labels(BATCH * TRAINING_BATCHES);
        List<DataSet> batches = new ArrayList<>();
        for (int start = 0; start < BATCH * TRAINING_BATCHES; start += BATCH) {
            batches.add(new DataSet(images.get(NDArrayIndex.interval(start, start + BATCH)).dup('c'),
                    labels.get(NDArrayIndex.interval(start, start + BATCH)).dup('c')));
        }
        MultiLayerNetwork net = classicCnn();
        for (int i = 0; i < 5; i++) {
            net.fit(batches.get(i));
        }
        AugmentationPipeline pipeline = AugmentationPipeline.builder().flipHorizontal(0.5).cropWithPadding(PADDING).rotate(MAX_DEGREES)
                .seed(SEED).build();
        System.out.println("Training the classic CNN on Fashion-MNIST, " + TRAINING_BATCHES + " batches of " + BATCH
                + " per run, samples/s");
        double[] plain = new double[ROUNDS];
        double[] augmented = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            plain[round] = samplesPerSecond(net, new ExistingDataSetIterator(batches));
            try (AugmentingIterator iterator = pipeline.wrap(new ExistingDataSetIterator(batches))) {
                augmented[round] = samplesPerSecond(net, iterator);
            }
            System.out.printf(Locale.ROOT, "round %d: no augmentation %7.0f, augmented (prefetching wrapper) %7.0f%n",
                    round + 1, plain[round], augmented[round]);
        }
        Arrays.sort(plain);
        Arrays.sort(augmented);
        System.out.printf(Locale.ROOT, "best:   no augmentation %.0f, augmented %.0f, ratio %.1f%%%n",
                plain[ROUNDS - 1], augmented[ROUNDS - 1], 100 * augmented[ROUNDS - 1] / plain[ROUNDS - 1]);
        System.out.printf(Locale.ROOT, "median: no augmentation %.0f, augmented %.0f, ratio %.1f%%%n",
                plain[ROUNDS / 2], augmented[ROUNDS / 2], 100 * augmented[ROUNDS / 2] / plain[ROUNDS / 2]);
    }

    private static double samplesPerSecond(MultiLayerNetwork net, DataSetIterator iterator) {
        long start = System.nanoTime();
        net.fit(iterator);
        return BATCH * TRAINING_BATCHES / ((System.nanoTime() - start) / 1e9);
    }

    /** The network of benchmarks/cnn-runtime.sh: conv 3x3x32, max-pool 2x2, dense 128, softmax 10. */
    private static MultiLayerNetwork classicCnn() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(SEED).updater(new Adam(1e-3)).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1))
                .build());
        net.init();
        return net;
    }
}
