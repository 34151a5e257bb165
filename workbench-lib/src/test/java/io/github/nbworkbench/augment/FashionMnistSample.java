package io.github.nbworkbench.augment;

import io.github.nbworkbench.data.DataNotFoundException;
import io.github.nbworkbench.data.FashionMnist;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The first images and labels of Fashion-MNIST's gzipped IDX files, for tests and benchmarks only:
 * reads just those, where {@link FashionMnist#load()} finds the files.
 */
final class FashionMnistSample {

    private static final int IMAGE_MAGIC = 2051;
    private static final int LABEL_MAGIC = 2049;
    private static final int CLASSES = 10;

    private FashionMnistSample() {
    }

    static boolean available() {
        try {
            FashionMnist.load();
            return true;
        } catch (DataNotFoundException e) {
            return false;
        }
    }

    /** The first {@code count} training images, [count, 1, 28, 28], pixels scaled to [0, 1]. */
    static INDArray images(int count) throws IOException {
        try (DataInputStream in = open("train-images-idx3-ubyte.gz", IMAGE_MAGIC)) {
            int total = in.readInt();
            int rows = in.readInt();
            int columns = in.readInt();
            int n = Math.min(count, total);
            byte[] pixels = new byte[n * rows * columns];
            in.readFully(pixels);
            float[] values = new float[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                values[i] = (pixels[i] & 0xff) / 255f;
            }
            return Nd4j.create(values, new long[] {n, 1, rows, columns}, 'c');
        }
    }

    /** The first {@code count} training labels, one-hot, [count, 10]. */
    static INDArray labels(int count) throws IOException {
        try (DataInputStream in = open("train-labels-idx1-ubyte.gz", LABEL_MAGIC)) {
            int n = Math.min(count, in.readInt());
            byte[] classes = new byte[n];
            in.readFully(classes);
            INDArray oneHot = Nd4j.zeros(n, CLASSES);
            for (int i = 0; i < n; i++) {
                oneHot.putScalar(i, classes[i], 1.0);
            }
            return oneHot;
        }
    }

    private static DataInputStream open(String file, int magic) throws IOException {
        InputStream raw = new GZIPInputStream(Files.newInputStream(FashionMnist.load().folder().resolve(file)), 1 << 16);
        DataInputStream in = new DataInputStream(raw);
        int found = in.readInt();
        if (found != magic) {
            in.close();
            throw new IOException(file + ": IDX magic number " + found + ", expected " + magic);
        }
        return in;
    }
}
