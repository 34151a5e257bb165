package io.github.nbworkbench.models;

/**
 * Small causal Transformers for next-token prediction, sized from the vocabulary; they train with
 * {@code Trainer} on the same {@code TextSequences} as {@link Rnns#charLstm()}:
 *
 * <pre>{@code
 * MultiLayerNetwork net = Transformers.charTransformer().build(vocabulary);
 * MultiLayerNetwork net = Transformers.charTransformer().modelSize(128).heads(4).blocks(2).build(vocabulary);
 * }</pre>
 */
public final class Transformers {

    private Transformers() {
    }

    /**
     * A causal convolution over the last {@value CharTransformerBuilder#DEFAULT_CONTEXT} characters
     * embeds each position (it carries word order; a Transformer's position embeddings would need a
     * fixed sequence length), then {@link CausalSelfAttention} blocks, then a softmax over the
     * vocabulary at every time step. Takes and gives one-hot tokens, [batch, vocabulary size, time steps].
     */
    public static CharTransformerBuilder charTransformer() {
        return new CharTransformerBuilder();
    }
}
