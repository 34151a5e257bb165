package io.github.nbworkbench.runtime;

import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Thread counts of the three pools ND4J computes with: OpenMP (which oneDNN runs on), ND4J's own,
 * and BLAS. ND4J's and BLAS's counts are global; OpenMP's belongs to each thread.
 */
final class Nd4jThreads {

    private Nd4jThreads() {
    }

    static void set(int threads) {
        Environment environment = Nd4j.getEnvironment();
        environment.setMaxThreads(threads);
        environment.setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        setForCallingThread(threads);
    }

    static void setForCallingThread(int threads) {
        NativeOps nativeOps = nativeOps();
        if (nativeOps.ompGetMaxThreads() != threads) {
            nativeOps.setOmpNumThreads(threads);
        }
    }

    /** OpenMP's count in the calling thread. */
    static int openMp() {
        return nativeOps().ompGetMaxThreads();
    }

    static int blas() {
        return Nd4j.factory().blas().getMaxThreads();
    }

    /** NativeOpsHolder fails to initialise unless ND4J has loaded first, so load it. */
    private static NativeOps nativeOps() {
        Nd4j.getBackend();
        return NativeOpsHolder.getInstance().getDeviceNativeOps();
    }
}
