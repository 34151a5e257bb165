package io.github.nbworkbench.train;

import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One place for the random state of a run. ND4J's generator (weight init, dropout, random arrays) is
 * per thread: these methods seed the calling thread's, which is the thread that trains.
 */
public final class Seeds {

    private static final Random WORKBENCH_RANDOM = new Random();

    private Seeds() {
    }

    /**
     * Seeds ND4J's generator and {@link #random()}, so that what follows (weight init without a
     * configured seed, dropout, shuffles done with {@link #random()}) repeats exactly. A network
     * configuration's own {@code .seed(...)} still decides its initial weights.
     */
    public static void seedEverything(long seed) {
        Nd4j.getRandom().setSeed(seed);
        WORKBENCH_RANDOM.setSeed(seed);
    }

    /**
     * The generator the workbench's own shuffles and samplers use. The trainer reseeds it (with ND4J's)
     * at the start of every epoch, before it resets the training iterator, so an iterator that
     * shuffles with it on {@code reset()} gives the same order in a resumed run.
     */
    public static Random random() {
        return WORKBENCH_RANDOM;
    }

    /** A seed for stream {@code stream} (e.g. an epoch) of a run seeded with {@code seed}: SplitMix64's mixing of the pair. */
    public static long derive(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Seeds everything for epoch {@code epoch} of the run seeded with {@code runSeed}; what the trainer does at each epoch's start. */
    public static void seedEpoch(long runSeed, int epoch) {
        seedEverything(derive(runSeed, epoch));
    }
}
