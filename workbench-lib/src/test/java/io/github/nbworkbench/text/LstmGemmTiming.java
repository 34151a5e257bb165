package io.github.nbworkbench.text;

import io.github.nbworkbench.runtime.WorkbenchRuntime;
import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Would an LSTM that projects the inputs of all time steps in one GEMM help DL4J? Times, with ND4J
 * alone and at the char-LSTM's sizes (batch 64, vocabulary 98, hidden 256, 64 steps), the matrix
 * products of one training batch: the input projection and its two gradients per time step (as
 * DL4J's LSTMHelpers does them, and into preallocated outputs) against one GEMM over [batch*time, vocabulary]; and the recurrent
 * products, which must stay per step. Prints milliseconds per training batch.
 *
 * <p>Not a test: {@code OMP_NUM_THREADS=1 benchmarks/run-java-benchmark.sh io.github.nbworkbench.text.LstmGemmTiming}.
 */
public final class LstmGemmTiming {

    private static final int B = 64;
    private static final int V = 98;
    private static final int H = 256;
    private static final int T = 64;
    private static final int REPEATS = 20;
    private static final WorkspaceConfiguration LOOP_WORKSPACE = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.FIRST_LOOP).build();

    public static void main(String[] args) {
        WorkbenchRuntime.configure();
        if (args.length == 1 && args[0].equals("--helpers-off")) {
            Nd4j.getEnvironment().allowHelpers(false);
        }
        Nd4j.getRandom().setSeed(1);
        INDArray inputNcw = Nd4j.rand(DataType.FLOAT, B, V, T).dup('f');  // DL4J's layout inside the LSTM layer
        INDArray inputTbv = Nd4j.rand(DataType.FLOAT, T, B, V);   // time-major: each step contiguous
        INDArray inputAll = inputTbv.reshape(T * B, V);
        INDArray wx = Nd4j.rand(DataType.FLOAT, V, 4 * H);
        INDArray wh = Nd4j.rand(DataType.FLOAT, H, 4 * H);
        INDArray gates = Nd4j.create(DataType.FLOAT, T, B, 4 * H);  // pre-activations, and their gradients backwards
        INDArray gatesAll = gates.reshape(T * B, 4 * H);
        INDArray hidden = Nd4j.rand(DataType.FLOAT, T, B, H);
        INDArray hiddenAll = hidden.reshape(T * B, H);
        INDArray dWx = Nd4j.create(DataType.FLOAT, V, 4 * H);
        INDArray dWh = Nd4j.create(DataType.FLOAT, H, 4 * H);
        INDArray dInput = Nd4j.create(DataType.FLOAT, T, B, V);
        INDArray dInputAll = dInput.reshape(T * B, V);
        INDArray dHidden = Nd4j.create(DataType.FLOAT, B, H);

        Runnable inputPerStepDl4j = () -> {
            for (int t = 0; t < T; t++) {
                // as LSTMHelpers.activateHelper does it: a new [B, 4H] result each step, in a workspace scope per step
                try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(LOOP_WORKSPACE, "LSTM_GEMM_TIMING")) {
                    Shape.toMmulCompatible(inputNcw.tensorAlongDimension(t, 1, 0)).mmul(wx);
                }
            }
        };
        Runnable inputPerStep = () -> {
            for (int t = 0; t < T; t++) {
                Nd4j.gemm(inputTbv.slice(t), wx, gates.slice(t), false, false, 1.0, 0.0);
            }
        };
        Runnable inputBatched = () -> Nd4j.gemm(inputAll, wx, gatesAll, false, false, 1.0, 0.0);
        Runnable inputGradientsPerStep = () -> {
            for (int t = 0; t < T; t++) {
                Nd4j.gemm(inputTbv.slice(t), gates.slice(t), dWx, true, false, 1.0, 1.0);     // dWx += x_t^T dz_t
                Nd4j.gemm(gates.slice(t), wx, dInput.slice(t), false, true, 1.0, 0.0);        // dx_t = dz_t Wx^T
            }
        };
        Runnable inputGradientsBatched = () -> {
            Nd4j.gemm(inputAll, gatesAll, dWx, true, false, 1.0, 0.0);
            Nd4j.gemm(gatesAll, wx, dInputAll, false, true, 1.0, 0.0);
        };
        Runnable recurrentForward = () -> {
            for (int t = 1; t < T; t++) {
                Nd4j.gemm(hidden.slice(t - 1), wh, gates.slice(t), false, false, 1.0, 1.0);  // z_t += h_{t-1} Wh
            }
        };
        Runnable recurrentBackward = () -> {
            for (int t = T - 1; t > 0; t--) {
                Nd4j.gemm(gates.slice(t), wh, dHidden, false, true, 1.0, 0.0);               // dh_{t-1} = dz_t Wh^T
                Nd4j.gemm(hidden.slice(t - 1), gates.slice(t), dWh, true, false, 1.0, 1.0);  // dWh += h_{t-1}^T dz_t
            }
        };
        Runnable recurrentWeightGradientBatched = () -> {
            // dWh can be batched too, once all dz are known; dh cannot
            for (int t = T - 1; t > 0; t--) {
                Nd4j.gemm(gates.slice(t), wh, dHidden, false, true, 1.0, 0.0);
            }
            Nd4j.gemm(hiddenAll, gatesAll, dWh, true, false, 1.0, 0.0);
        };

        System.out.printf(Locale.ROOT, "GEMMs of one char-LSTM training batch (B=%d, V=%d, H=%d, T=%d), OpenMP threads from OMP_NUM_THREADS,"
                + " native helpers %s; ms per batch, median of %d%n", B, V, H, T, Nd4j.getEnvironment().helpersAllowed(), REPEATS);
        double a = time("input projection, per step, mmul as LSTMHelpers does", inputPerStepDl4j);
        double b = time("input projection, per step, contiguous slices", inputPerStep);
        double c = time("input projection, one GEMM [B*T,V]x[V,4H]", inputBatched);
        double d = time("input gradients dWx, dX, per step", inputGradientsPerStep);
        double e = time("input gradients dWx, dX, one GEMM each", inputGradientsBatched);
        double f = time("recurrent forward h Wh, per step", recurrentForward);
        double g = time("recurrent backward dh and dWh, per step", recurrentBackward);
        double h = time("recurrent backward dh per step, dWh one GEMM", recurrentWeightGradientBatched);
        System.out.printf(Locale.ROOT, "%-62s %8.1f ms%n", "per-step total as DL4J does it (a + d + f + g)", a + d + f + g);
        System.out.printf(Locale.ROOT, "%-62s %8.1f ms%n", "with batched input projection and weight gradients (c + e + f + h)", c + e + f + h);
    }

    private static double time(String label, Runnable work) {
        for (int i = 0; i < 3; i++) {
            work.run();
        }
        double[] ms = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        double median = ms[REPEATS / 2];
        System.out.printf(Locale.ROOT, "%-62s %8.1f ms%n", label, median);
        return median;
    }
}
