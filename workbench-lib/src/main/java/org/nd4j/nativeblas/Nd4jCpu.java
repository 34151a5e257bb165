package org.nd4j.nativeblas;

/**
 * Stand-in for a class that DL4J 1.0.0-M2.1 looks up but ND4J 1.0.0-M2.1 does not ship.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()} loads
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name and calls {@code getInstance()} and then
 * {@code isUseMKLDNN()} on it by reflection. In M2.1 the class lives at
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method is called
 * {@code isUseONEDNN()}, so the lookup fails, DL4J logs an error and every oneDNN helper
 * (convolution, subsampling, batch normalization, LRN) silently stays off. This class sits under
 * the missing name and forwards both calls to the real environment.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
