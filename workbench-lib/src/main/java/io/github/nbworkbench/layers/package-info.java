/**
 * Faster drop-in implementations of DL4J layers, with DL4J's parameters, so that a network trains
 * and saves the same with either.
 *
 * <p>{@link io.github.nbworkbench.layers.FusedLstm} is DL4J's {@code LSTM} computed in fewer, larger
 * operations: the input projection of the whole sequence in one matrix product, one recurrent
 * product per time step into one contiguous gate block, the gate arithmetic in one pass over it,
 * and the weight gradients in one product over all time steps:
 * <pre>{@code
 * LSTM lstm = new LSTM.Builder().nOut(256).activation(Activation.TANH).build();
 * list.layer(FusedLstm.of(lstm));      // FusedLstm.of(lstm).toDl4j() gives DL4J's layer back
 * }</pre>
 *
 * <p>{@link io.github.nbworkbench.layers.Im2colConvolution} is DL4J's {@code ConvolutionLayer} with
 * a backward pass from im2col and matrix products, and without the input gradient a first layer
 * never needs.
 */
package io.github.nbworkbench.layers;
