package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/** ND4J arrays as text: shape and data type first, then the values, shortened when there are many. */
public final class ArrayRenderers implements RendererProvider {
    static final long MAX_PRINTED_ELEMENTS = 1000;
    private static final int PRECISION = 4;

    @Override
    public String requiredClass() {
        return "org.nd4j.linalg.api.ndarray.INDArray";
    }

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(INDArray.class)
                .preferring(MIMEType.TEXT_PLAIN)
                .register((array, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(array)));
    }

    static String text(INDArray array) {
        String header = "INDArray shape=" + Arrays.toString(array.shape()) + " dtype=" + array.dataType()
                + (array.isView() ? " (view)" : "");
        if (array.isEmpty()) {
            return header + "\n[]";
        }
        boolean summarize = array.length() > MAX_PRINTED_ELEMENTS;
        return header + (summarize ? ", " + array.length() + " elements, shortened" : "") + "\n"
                + array.toString(MAX_PRINTED_ELEMENTS, summarize, PRECISION);
    }
}
