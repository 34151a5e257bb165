package io.github.nbworkbench.models;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.InputTypeUtil;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One Transformer block with causal self-attention, as a DL4J layer on sequences
 * [batch, size, time steps]: position t attends to positions 0..t only, so a next-character model
 * built from it never sees the characters it predicts. Pre-norm residual form:
 * {@code h = x + attention(norm(x))}, {@code out = h + feedForward(norm(h))}, the feed-forward
 * network 4 x size wide with ReLU.
 *
 * <p>DL4J M2.1's own {@code SelfAttentionLayer} cannot do this: its only mask is the per-time-step
 * padding mask, so every position attends to the whole sequence, future included. This layer adds
 * the causal mask itself (a large negative score for every future position before the softmax). Built with
 * {@link Transformers#charTransformer()}.
 */
public class CausalSelfAttention extends SameDiffLayer {

    /** Added to the scores of future positions (per position ahead): after the softmax their weight is 0. */
    private static final double FUTURE_SCORE = -1e9;

    private int size;
    private int heads;

    /** For DL4J's JSON (de)serialisation. */
    protected CausalSelfAttention() {
    }

    /** A block on {@code size} channels with {@code heads} attention heads; {@code size} must be a multiple of {@code heads}. */
    public CausalSelfAttention(int size, int heads) {
        if (size < 1 || heads < 1 || size % heads != 0) {
            throw new IllegalArgumentException("The model size must be a positive multiple of the number of heads; got size " + size
                    + " and " + heads + " heads");
        }
        this.size = size;
        this.heads = heads;
    }

    public int getSize() {
        return size;
    }

    public int getHeads() {
        return heads;
    }

    /** DL4J's SameDiff layer, whose first backward pass does not print to {@code System.out} (see {@link QuietFirstBackwardPass}). */
    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> listeners, int index, INDArray paramsView,
            boolean initializeParams, DataType dataType) {
        QuietFirstBackwardPass layer = new QuietFirstBackwardPass(conf, dataType);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(initializer().init(conf, paramsView, initializeParams));
        layer.setConf(conf);
        return layer;
    }

    /**
     * SameDiff in DL4J M2.1 prints "Added differentiated op ..." to {@code System.out}, a line per
     * operation (about 70 per block), when it builds a layer's gradient function in its first backward
     * pass: a page of noise in a notebook cell. That pass runs with {@code System.out} muted.
     */
    static final class QuietFirstBackwardPass extends org.deeplearning4j.nn.layers.samediff.SameDiffLayer {

        QuietFirstBackwardPass(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            if (sameDiff != null && sameDiff.hasGradientFunction()) {
                return super.backpropGradient(epsilon, workspaceMgr);
            }
            // one muting at a time: parallel workers interleaving save and restore could leave System.out muted
            synchronized (QuietFirstBackwardPass.class) {
                PrintStream out = System.out;
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                try {
                    return super.backpropGradient(epsilon, workspaceMgr);
                } finally {
                    System.setOut(out);
                }
            }
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.recurrent(size, ((InputType.InputTypeRecurrent) inputType).getTimeSeriesLength());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent recurrent) || recurrent.getSize() != size) {
            throw new IllegalArgumentException("A causal self-attention block of size " + size + " needs sequences of " + size
                    + " channels (its residual connections add input and output), got " + inputType);
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return InputTypeUtil.getPreprocessorForInputTypeRnnLayers(inputType, RNNFormat.NCW, getLayerName());
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        for (String projection : List.of("query", "key", "value", "attentionOut")) {
            params.addWeightParam(projection, size, size);
        }
        params.addBiasParam("attentionOutBias", 1, size);
        params.addWeightParam("hidden", size, 4L * size);
        params.addBiasParam("hiddenBias", 1, 4L * size);
        params.addWeightParam("feedForwardOut", 4L * size, size);
        params.addBiasParam("feedForwardOutBias", 1, size);
        for (String norm : List.of("attentionNorm", "feedForwardNorm")) {
            params.addBiasParam(norm + "Gain", 1, size);
            params.addBiasParam(norm + "Bias", 1, size);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.forEach((name, values) -> {
            if (name.endsWith("Gain")) {
                values.assign(1);
            } else if (name.endsWith("Bias")) {
                values.assign(0);
            } else {
                values.assign(Nd4j.randn(values.dataType(), values.shape()).muli(1 / Math.sqrt(values.size(0))));
            }
        });
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> p, SDVariable mask) {
        SDVariable x = sd.permute(input, 0, 2, 1); // [batch, time, size]
        SDVariable normed = norm(sd, x, p, "attentionNorm");
        SDVariable q = project(sd, normed, p.get("query"));
        SDVariable k = project(sd, normed, p.get("key"));
        SDVariable v = project(sd, normed, p.get("value"));
        int headSize = size / heads;
        List<SDVariable> headOutputs = new ArrayList<>();
        SDVariable futurePenalty = null;
        for (int h = 0; h < heads; h++) {
            SDVariable scores = sd.mmul(headSlice(q, h, headSize), headSlice(k, h, headSize), false, true, false).mul(1 / Math.sqrt(headSize));
            if (futurePenalty == null) {
                futurePenalty = futurePenalty(sd, scores);
            }
            SDVariable weights = sd.nn.softmax(scores.add(futurePenalty), 2);
            headOutputs.add(sd.mmul(weights, headSlice(v, h, headSize)));
        }
        SDVariable attended = heads == 1 ? headOutputs.get(0) : sd.concat(2, headOutputs.toArray(new SDVariable[0]));
        SDVariable h = x.add(project(sd, attended, p.get("attentionOut")).add(p.get("attentionOutBias")));
        SDVariable hidden = sd.nn.relu(project(sd, norm(sd, h, p, "feedForwardNorm"), p.get("hidden")).add(p.get("hiddenBias")), 0);
        SDVariable out = h.add(project(sd, hidden, p.get("feedForwardOut")).add(p.get("feedForwardOutBias")));
        return sd.permute(out, 0, 2, 1);
    }

    /**
     * {@value #FUTURE_SCORE} x (key position - query position) where the key lies in the future, else
     * 0, shaped like {@code scores} [batch, query, key]. Built from cumulative sums, which SameDiff can
     * differentiate; its matrix_band_part, the usual way to a triangle, has no gradient in M2.1.
     */
    private static SDVariable futurePenalty(SameDiff sd, SDVariable scores) {
        SDVariable ones = sd.onesLike(scores);
        SDVariable keyPosition = sd.cumsum(ones, false, false, 2);
        SDVariable queryPosition = sd.cumsum(ones, false, false, 1);
        return sd.nn.relu(keyPosition.sub(queryPosition), 0).mul(FUTURE_SCORE);
    }

    /**
     * [batch, time, in] x [in, out] -> [batch, time, out], as one 2-d product over all positions:
     * M2.1's tensormmul computes this forward but fails in backprop (its tensormmul_bp rejects the axes).
     */
    private static SDVariable project(SameDiff sd, SDVariable x, SDVariable weights) {
        long[] shape = weights.getShape();
        SDVariable batchAndTime = sd.shape(x).get(SDIndex.interval(0, 2));
        SDVariable product = sd.mmul(x.reshape(-1, shape[0]), weights);
        return sd.reshape(product, sd.concat(0, batchAndTime, sd.constant(Nd4j.createFromArray(shape[1]).castTo(batchAndTime.dataType()))));
    }

    private static SDVariable headSlice(SDVariable x, int head, int headSize) {
        return x.get(SDIndex.all(), SDIndex.all(),
                SDIndex.interval((long) head * headSize, (long) (head + 1) * headSize));
    }

    private static SDVariable norm(SameDiff sd, SDVariable x, Map<String, SDVariable> p, String name) {
        return sd.nn.layerNorm(x, p.get(name + "Gain").reshape(-1), p.get(name + "Bias").reshape(-1), false, 2);
    }
}
