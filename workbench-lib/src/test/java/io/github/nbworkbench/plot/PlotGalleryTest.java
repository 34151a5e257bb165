package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.eval.ConfusionMatrix;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Renders one PNG of every plot, to look at: {@code -Dplots.dir=/tmp/plots} keeps them there,
 * otherwise they go to a temporary folder. Uses Fashion-MNIST when the Debian package is installed.
 */
class PlotGalleryTest {

    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final Path FASHION_IMAGES = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    @TempDir
    Path temporary;

    @Test
    void rendersEveryPlot() throws IOException {
        Path folder = System.getProperty("plots.dir") == null ? temporary : Path.of(System.getProperty("plots.dir"));
        Random random = new Random(1);

        LearningCurves curves = LearningCurves.of(Histories.synthetic("history", 40, 0.15));
        save(curves.chart("loss"), folder, "learning-curves-loss.png");
        save(curves.image(), folder, "learning-curves-grid.png");
        save(LearningCurves.of(Histories.small()).chart("accuracy"), folder, "learning-curves-5-epochs.png");

        Map<String, Table> runs = new LinkedHashMap<>();
        runs.put("lr 0.1", Histories.synthetic("a", 30, 0.3));
        runs.put("lr 0.01", Histories.synthetic("b", 30, 0.1));
        runs.put("lr 0.001", Histories.synthetic("c", 30, 0.03));
        save(RunCurves.chart(runs, "accuracy"), folder, "run-comparison.png");

        double[] lr = IntStream.range(0, 100).mapToDouble(i -> 1e-6 * Math.pow(10, i / 16.5)).toArray();
        double[] loss = new double[lr.length];
        double[] smoothed = new double[lr.length];
        for (int i = 0; i < lr.length; i++) {
            double x = Math.log10(lr[i]);
            loss[i] = 2.3 - 1.6 / (1 + Math.exp(-2.5 * (x + 3.5))) + Math.exp(3 * (x + 1)) + 0.15 * random.nextGaussian();
            smoothed[i] = i == 0 ? loss[0] : 0.9 * smoothed[i - 1] + 0.1 * loss[i];
        }
        Table lrResults = Table.create("lr finder", DoubleColumn.create("lr", lr), DoubleColumn.create("loss", loss),
                DoubleColumn.create("smoothed_loss", smoothed));
        save(LrFinderPlot.chart(lrResults, 3e-3), folder, "lr-finder.png");

        int[] actual = random.ints(2000, 0, 10).toArray();
        int[] predicted = IntStream.range(0, actual.length)
                .map(i -> random.nextDouble() < 0.8 ? actual[i] : (actual[i] + 1 + random.nextInt(2)) % 10).toArray();
        ConfusionMatrix matrix = ConfusionMatrix.of(actual, predicted, FASHION);
        save(ConfusionHeatmap.chart(matrix), folder, "confusion-counts.png");
        save(ConfusionHeatmap.normalizedChart(matrix), folder, "confusion-normalized.png");
        save(ConfusionHeatmap.chart(ConfusionMatrix.of(new int[] {0, 1, 1, 2}, new int[] {0, 1, 2, 2}, 3)), folder,
                "confusion-3-classes.png");

        INDArray images = Files.exists(FASHION_IMAGES) ? fashionImages(24) : Nd4j.rand(DataType.FLOAT, 24, 1, 28, 28);
        save(ImageGrid.of(images).title("Fashion-MNIST: predictions")
                .predictions(IntStream.range(0, 24).map(i -> actual[i]).toArray(),
                        IntStream.range(0, 24).map(i -> predicted[i]).toArray(), FASHION).image(),
                folder, "image-grid.png");
        INDArray flipped = Nd4j.exec(new Reverse(images, 3))[0].mul(0.8).add(0.1);
        save(ImageRows.compare(images, flipped).title("Augmentation: horizontal flip, lower contrast").image(), folder,
                "image-comparison.png");
        save(ImageGrid.of(Nd4j.rand(DataType.FLOAT, 6, 3, 32, 32)).title("RGB noise").image(), folder, "image-grid-rgb.png");
    }

    private static void save(Chart<?, ?> chart, Path folder, String name) throws IOException {
        assertNotEmpty(Charts.save(chart, folder.resolve(name)));
    }

    private static void save(BufferedImage image, Path folder, String name) throws IOException {
        assertNotEmpty(Charts.save(image, folder.resolve(name)));
    }

    private static void assertNotEmpty(Path file) throws IOException {
        assertTrue(Files.size(file) > 1000, file + " looks empty");
    }

    private static INDArray fashionImages(int n) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(FASHION_IMAGES));
                DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(16);
            byte[] pixels = new byte[n * 28 * 28];
            data.readFully(pixels);
            float[] values = new float[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                values[i] = (pixels[i] & 0xff) / 255f;
            }
            return Nd4j.create(values, new long[] {n, 1, 28, 28}, DataType.FLOAT);
        }
    }
}
