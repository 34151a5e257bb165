package io.github.nbworkbench.deploy;

import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * Weight clustering (weight sharing): the weights of every dense, output and 2D convolution layer
 * are replaced by the nearest of {@code k} shared values, found by one-dimensional k-means per
 * tensor (centroids start evenly spaced between the smallest and the largest weight, as in Han et
 * al.'s Deep Compression). Stored as a k-entry codebook and a log2(k)-bit index per weight, a tensor
 * takes about 32 / log2(k) times less space; in memory the network stays FP32.
 *
 * <pre>{@code
 * MultiLayerNetwork clustered = WeightClustering.cluster(net, 16);   // a copy; net is unchanged
 * WeightClustering.report(clustered, 16);                            // tensor, distinct values, indexed bytes
 * }</pre>
 */
public final class WeightClustering {

    static final int ITERATIONS = 25;

    private WeightClustering() {
    }

    /** A copy of {@code network} whose prunable weight tensors each hold at most {@code k} distinct values. */
    public static MultiLayerNetwork cluster(MultiLayerNetwork network, int k) {
        if (k < 2 || k > 256) {
            throw new IllegalArgumentException("k must be between 2 and 256 shared values per tensor, got " + k);
        }
        MultiLayerNetwork copy = network.clone();
        for (Map.Entry<String, INDArray> param : copy.paramTable().entrySet()) {
            if (Int8Quantizer.isLayerWeights(copy, param.getKey())) {
                INDArray weights = param.getValue();
                float[] values = Nd4j.toFlattened('c', weights).castTo(DataType.FLOAT).toFloatVector();
                float[] clustered = clustered(values, k);
                copy.setParam(param.getKey(), Nd4j.create(clustered, weights.shape(), 'c').castTo(weights.dataType()));
            }
        }
        return copy;
    }

    /** Each value replaced by its nearest centroid after {@value #ITERATIONS} rounds of k-means. */
    static float[] clustered(float[] values, int k) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double[] centroids = new double[k];
        for (int c = 0; c < k; c++) {
            centroids[c] = min + (max - min) * c / (k - 1);
        }
        int[] assignment = new int[values.length];
        for (int round = 0; round < ITERATIONS; round++) {
            double[] sums = new double[k];
            int[] counts = new int[k];
            for (int i = 0; i < values.length; i++) {
                assignment[i] = nearest(centroids, values[i]);
                sums[assignment[i]] += values[i];
                counts[assignment[i]]++;
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    centroids[c] = sums[c] / counts[c];
                }
            }
            Arrays.sort(centroids);
        }
        float[] clustered = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            clustered[i] = (float) centroids[nearest(centroids, values[i])];
        }
        return clustered;
    }

    /** The index of the centroid nearest to {@code value} in sorted {@code centroids}. */
    private static int nearest(double[] centroids, float value) {
        int position = Arrays.binarySearch(centroids, value);
        if (position >= 0) {
            return position;
        }
        int above = -position - 1;
        if (above == 0) {
            return 0;
        }
        if (above == centroids.length) {
            return centroids.length - 1;
        }
        return value - centroids[above - 1] <= centroids[above] - value ? above - 1 : above;
    }

    /**
     * One row per clustered tensor: tensor, weights, distinct values, FP32 bytes, and bytes as a
     * codebook of {@code k} floats plus ceil(log2 k) bits per weight.
     */
    public static Table report(MultiLayerNetwork network, int k) {
        int bits = 32 - Integer.numberOfLeadingZeros(k - 1);
        StringColumn tensors = StringColumn.create("tensor");
        LongColumn weights = LongColumn.create("weights");
        IntColumn distinct = IntColumn.create("distinct_values");
        LongColumn fp32 = LongColumn.create("fp32_bytes");
        LongColumn indexed = LongColumn.create("indexed_bytes");
        DoubleColumn smaller = DoubleColumn.create("times_smaller");
        for (Map.Entry<String, INDArray> param : network.paramTable().entrySet()) {
            if (Int8Quantizer.isLayerWeights(network, param.getKey())) {
                long count = param.getValue().length();
                long indexedBytes = (count * bits + 7) / 8 + 4L * k;
                tensors.append(param.getKey());
                weights.append(count);
                distinct.append(distinctValues(Nd4j.toFlattened(param.getValue()).toFloatVector()));
                fp32.append(4 * count);
                indexed.append(indexedBytes);
                smaller.append(4.0 * count / indexedBytes);
            }
        }
        smaller.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
        return Table.create("Clustered weights (k = " + k + ")", tensors, weights, distinct, fp32, indexed, smaller);
    }

    private static int distinctValues(float[] values) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = sorted.length == 0 ? 0 : 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

}
