package io.github.nbworkbench.models;

/**
 * Recurrent networks for next-token prediction, sized from the vocabulary:
 *
 * <pre>{@code
 * MultiLayerNetwork net = Rnns.charLstm().build(vocabulary);
 * MultiLayerNetwork net = Rnns.charLstm().layers(2).hiddenSize(512).dropout(0.2).truncatedBptt(100).build(vocabulary);
 * }</pre>
 */
public final class Rnns {

    private Rnns() {
    }

    /**
     * Stacked LSTMs (default: 1 layer of {@value CharLstmBuilder#DEFAULT_HIDDEN_SIZE} units) and a
     * softmax over the vocabulary at every time step, trained with Adam and cross-entropy, gradients
     * clipped. Takes and gives one-hot tokens, [batch, vocabulary size, time steps].
     */
    public static CharLstmBuilder charLstm() {
        return new CharLstmBuilder();
    }
}
