package io.github.nbworkbench.layers;

import java.util.Arrays;
import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.recurrent.LSTM;
import org.deeplearning4j.nn.params.LSTMParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.base.Preconditions;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network-side layer of {@link FusedLstm}: DL4J's LSTM layer (its state maps, masks, dropout,
 * truncated BPTT and parameters) with the forward and backward passes of {@link FusedLstmPass}.
 * Configurations the fused passes do not cover (a cell activation other than tanh, gates other
 * than sigmoid, arrays other than FLOAT or DOUBLE, a GPU backend, where DL4J's LSTM runs cuDNN)
 * run DL4J's own code.
 *
 * <p>DL4J computes the forward pass twice per training step (once for the output, once more inside
 * backpropagation); this layer keeps the training forward pass and reuses it when backpropagation
 * comes for the same input and starting state.
 */
public class FusedLstmLayer extends LSTM {

    /** The last training forward pass, with the arrays it ran on. */
    private record TrainingForward(INDArray input, INDArray previousHidden, INDArray previousCell, FusedLstmPass pass) {
    }

    private TrainingForward lastTrainingForward;
    private final ScratchArrays scratch = new ScratchArrays();

    public FusedLstmLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    private boolean fused() {
        return layerConf().getActivationFn() instanceof ActivationTanH
                && layerConf().getGateActivationFn() instanceof ActivationSigmoid
                && (dataType == DataType.FLOAT || dataType == DataType.DOUBLE)
                && Nd4j.getEnvironment().isCPU();
    }

    @Override
    public INDArray activate(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!fused()) {
            return super.activate(input, training, workspaceMgr);
        }
        setInput(input, workspaceMgr);
        return activate(training, workspaceMgr);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!fused()) {
            return super.activate(training, workspaceMgr);
        }
        return output(forward(training, null, null, workspaceMgr), workspaceMgr);
    }

    @Override
    public INDArray rnnTimeStep(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        if (!fused()) {
            return super.rnnTimeStep(input, workspaceMgr);
        }
        setInput(input, workspaceMgr);
        FusedLstmPass pass = forward(false, stateMap.get(STATE_KEY_PREV_ACTIVATION), stateMap.get(STATE_KEY_PREV_MEMCELL), workspaceMgr);
        stateMap.put(STATE_KEY_PREV_ACTIVATION, pass.lastHidden());
        stateMap.put(STATE_KEY_PREV_MEMCELL, pass.lastCell());
        return output(pass, workspaceMgr);
    }

    @Override
    public INDArray rnnActivateUsingStoredState(INDArray input, boolean training, boolean storeLastForTBPTT, LayerWorkspaceMgr workspaceMgr) {
        if (!fused()) {
            return super.rnnActivateUsingStoredState(input, training, storeLastForTBPTT, workspaceMgr);
        }
        setInput(input, workspaceMgr);
        FusedLstmPass pass = forward(training, tBpttStateMap.get(STATE_KEY_PREV_ACTIVATION), tBpttStateMap.get(STATE_KEY_PREV_MEMCELL), workspaceMgr);
        if (storeLastForTBPTT) {
            tBpttStateMap.put(STATE_KEY_PREV_ACTIVATION, pass.lastHidden());
            tBpttStateMap.put(STATE_KEY_PREV_MEMCELL, pass.lastCell());
        }
        return output(pass, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (!fused()) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        return backpropagate(epsilon, false, 0, workspaceMgr);
    }

    @Override
    public Pair<Gradient, INDArray> tbpttBackpropGradient(INDArray epsilon, int tbpttBackwardLength, LayerWorkspaceMgr workspaceMgr) {
        if (!fused()) {
            return super.tbpttBackpropGradient(epsilon, tbpttBackwardLength, workspaceMgr);
        }
        return backpropagate(epsilon, true, tbpttBackwardLength, workspaceMgr);
    }

    private FusedLstmPass forward(boolean training, INDArray previousHidden, INDArray previousCell, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        Preconditions.checkState(input.rank() == 3, "An LSTM layer expects 3D input [batch, features, time], got %ndShape", input);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray sequence = permuteIfNWC(input);
        INDArray inputWeights = getParamWithNoise(LSTMParamInitializer.INPUT_WEIGHT_KEY, training, workspaceMgr);
        checkFits(sequence, inputWeights, previousHidden);
        FusedLstmPass pass = FusedLstmPass.forward(sequence, inputWeights,
                getParamWithNoise(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, training, workspaceMgr),
                getParamWithNoise(LSTMParamInitializer.BIAS_KEY, training, workspaceMgr),
                previousHidden, previousCell, maskArray, scratch);
        lastTrainingForward = training ? new TrainingForward(input, previousHidden, previousCell, pass) : null;
        return pass;
    }

    /**
     * DL4J's own checks of its LSTM's input, with its exceptions and messages (which the Trainer's
     * pre-flight check quotes), instead of a failed matrix product inside the pass.
     */
    private static void checkFits(INDArray sequence, INDArray inputWeights, INDArray previousHidden) {
        if (sequence.size(1) != inputWeights.size(0)) {
            throw new DL4JInvalidInputException("Received input with size(1) = " + sequence.size(1)
                    + " (input array shape = " + Arrays.toString(sequence.shape())
                    + "); input.size(1) must match layer nIn size (nIn = " + inputWeights.size(0) + ")");
        }
        Preconditions.checkState(previousHidden == null || previousHidden.size(0) == sequence.size(0),
                "Invalid RNN previous state (last time step activations/initialization): rnnTimeStep with different minibatch size, "
                        + "or forgot to call rnnClearPreviousState between batches? Previous step output = [batch, nIn] = %ndShape, "
                        + "current input = [batch, nIn, seqLength] = %ndShape", previousHidden, sequence);
    }

    private INDArray output(FusedLstmPass pass, LayerWorkspaceMgr workspaceMgr) {
        return permuteIfNWC(inWorkspace(pass.outputByTime(), ArrayType.ACTIVATIONS, workspaceMgr));
    }

    /**
     * {@code byTime} [T, N, k] as a [N, k, T] array in the workspace, 'f'-ordered as DL4J's own LSTM
     * leaves its arrays: dropout draws its random mask in memory order, so the same order makes the
     * same mask, and training with dropout follows DL4J's exactly.
     */
    private INDArray inWorkspace(INDArray byTime, ArrayType type, LayerWorkspaceMgr workspaceMgr) {
        INDArray result = workspaceMgr.create(type, dataType, new long[] {byTime.size(1), byTime.size(2), byTime.size(0)}, 'f');
        result.assign(byTime.permute(1, 2, 0));
        return result;
    }

    private Pair<Gradient, INDArray> backpropagate(INDArray epsilon, boolean truncated, int backwardLength, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        // DL4J starts the backward pass of a truncated-BPTT segment from the state before the segment
        INDArray previousHidden = truncated ? stateMap.get(STATE_KEY_PREV_ACTIVATION) : null;
        INDArray previousCell = truncated ? stateMap.get(STATE_KEY_PREV_MEMCELL) : null;
        TrainingForward kept = lastTrainingForward;
        FusedLstmPass pass = kept != null && kept.input() == input && kept.previousHidden() == previousHidden
                && kept.previousCell() == previousCell
                ? kept.pass()
                : forward(true, previousHidden, previousCell, workspaceMgr);
        lastTrainingForward = null;
        if (truncated) {
            tBpttStateMap.put(STATE_KEY_PREV_ACTIVATION, pass.lastHidden());
            tBpttStateMap.put(STATE_KEY_PREV_MEMCELL, pass.lastCell());
        }
        int first = truncated ? Math.max(0, pass.steps() - backwardLength) : 0;
        INDArray inputWeightGradient = gradientViews.get(LSTMParamInitializer.INPUT_WEIGHT_KEY);
        INDArray recurrentWeightGradient = gradientViews.get(LSTMParamInitializer.RECURRENT_WEIGHT_KEY);
        INDArray biasGradient = gradientViews.get(LSTMParamInitializer.BIAS_KEY);
        boolean inputGradient = ((FusedLstm) layerConf()).isInputGradient();
        INDArray inputErrors = pass.backward(permuteIfNWC(epsilon), first, inputGradient,
                getParamWithNoise(LSTMParamInitializer.INPUT_WEIGHT_KEY, true, workspaceMgr),
                getParamWithNoise(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, true, workspaceMgr),
                inputWeightGradient, recurrentWeightGradient, biasGradient);

        Gradient gradient = new DefaultGradient();
        gradient.gradientForVariable().put(LSTMParamInitializer.INPUT_WEIGHT_KEY, inputWeightGradient);
        gradient.gradientForVariable().put(LSTMParamInitializer.RECURRENT_WEIGHT_KEY, recurrentWeightGradient);
        gradient.gradientForVariable().put(LSTMParamInitializer.BIAS_KEY, biasGradient);
        weightNoiseParams.clear();
        if (!inputGradient) {
            return new Pair<>(gradient, null);
        }
        INDArray epsilonOut = inWorkspace(inputErrors, ArrayType.ACTIVATION_GRAD, workspaceMgr);
        return new Pair<>(gradient, permuteIfNWC(backpropDropOutIfPresent(epsilonOut)));
    }
}
