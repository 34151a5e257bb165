package io.github.nbworkbench.results;

import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.files.LittleEndian;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.LongStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * SHA-256 of a dataset's shape, features and labels as little-endian FP32, so that two runs can tell
 * whether they saw the same data. Read in chunks, so a large dataset is never copied whole.
 */
public final class DataHash {

    private static final int EXAMPLES_PER_CHUNK = 1024;

    private DataHash() {
    }

    /** "sha256:" and 64 hex digits. */
    public static String of(LabeledDataset data) {
        MessageDigest digest = sha256();
        update(digest, data.features());
        update(digest, data.labels());
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, INDArray array) {
        digest.update(LittleEndian.longs(LongStream.concat(LongStream.of(array.rank()), LongStream.of(array.shape())).toArray()));
        long examples = array.size(0);
        for (long start = 0; start < examples; start += EXAMPLES_PER_CHUNK) {
            INDArray chunk = array.get(NDArrayIndex.interval(start, Math.min(examples, start + EXAMPLES_PER_CHUNK)));
            digest.update(LittleEndian.floats(chunk.castTo(DataType.FLOAT).dup('c').data().asFloat()));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java has no SHA-256", e);
        }
    }
}
