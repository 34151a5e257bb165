package io.github.nbworkbench.layers;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.core.JsonProcessingException;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.node.ObjectNode;

/**
 * DL4J's {@link LSTM} configuration computed by {@link FusedLstmLayer}: the same settings, the same
 * parameters (W [nIn, 4n], RW [n, 4n], b [1, 4n], DL4J's gate order and initialization), the same
 * results, in fewer and larger native operations. Being an {@code LSTM}, it is accepted wherever
 * DL4J's is; a network of it saves and loads like any other (the configuration names this class),
 * and its parameters fit the same network built with DL4J's layer ({@link #toDl4j()}).
 * <pre>{@code
 * FusedLstm lstm = FusedLstm.of(new LSTM.Builder().nOut(256).activation(Activation.TANH).build());
 * }</pre>
 */
public class FusedLstm extends LSTM implements InputGradientOption {

    private static final String INPUT_GRADIENT = "inputGradient";

    private boolean inputGradient = true;

    /** For JSON deserialization; use {@link #of(LSTM)}. */
    public FusedLstm() {
    }

    /**
     * Computes no gradient for the layer's input: for the first layer of a network fed its data
     * directly, where training never uses it (one matrix product of the backward pass, as large as
     * the input projection). Such a network returns no input gradient from DL4J's
     * {@code backpropGradient} or {@code calculateGradients}.
     */
    public FusedLstm withoutInputGradient() {
        this.inputGradient = false;
        return this;
    }

    @Override
    public boolean isInputGradient() {
        return inputGradient;
    }

    /** For JSON deserialization; see {@link #withoutInputGradient()}. */
    public void setInputGradient(boolean inputGradient) {
        this.inputGradient = inputGradient;
    }

    /** The fused layer with all the settings of DL4J's {@code lstm}. */
    public static FusedLstm of(LSTM lstm) {
        return copyAs(lstm, FusedLstm.class);
    }

    /** DL4J's own LSTM with all the settings of this one, for comparison. */
    public LSTM toDl4j() {
        return copyAs(this, LSTM.class);
    }

    private static <T extends LSTM> T copyAs(LSTM lstm, Class<T> type) {
        ObjectMapper mapper = NeuralNetConfiguration.mapper();
        try {
            ObjectNode tree = mapper.valueToTree(lstm);
            tree.put("@class", type.getName());
            if (type != FusedLstm.class) {
                tree.remove(INPUT_GRADIENT);
            }
            return type.cast(mapper.treeToValue(tree, Layer.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not copy the LSTM configuration " + lstm + " as " + type.getSimpleName(), e);
        }
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                                                        int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                                        DataType networkDataType) {
        LayerValidation.assertNInNOutSet("FusedLstm", getLayerName(), layerIndex, getNIn(), getNOut());
        FusedLstmLayer layer = new FusedLstmLayer(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        ParamInitializer initializer = initializer();
        Map<String, INDArray> params = initializer.init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
