package io.github.nbworkbench.kernel.render;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import java.util.Locale;
import java.util.function.Function;

/** DL4J networks as an HTML summary table (layer, type, shape, activation, parameters), with DL4J's text summary as plain text. */
public final class ModelRenderers implements RendererProvider {
    @Override
    public String requiredClass() {
        return "org.deeplearning4j.nn.multilayer.MultiLayerNetwork";
    }

    @Override
    public void register(Renderer renderer) {
        registerModel(renderer, MultiLayerNetwork.class, MultiLayerNetwork::getLayers, MultiLayerNetwork::summary);
        registerModel(renderer, ComputationGraph.class, ComputationGraph::getLayers, ComputationGraph::summary);
    }

    private static <T extends Model> void registerModel(Renderer renderer, Class<T> type, Function<T, Layer[]> layers,
                                                        Function<T, String> summary) {
        renderer.createRegistration(type)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((net, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(type.getSimpleName(), layers.apply(net), net.numParams()));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> layers.apply(net) == null ? notInitialised() : summary.apply(net));
                });
    }

    private static String notInitialised() {
        return "The network is not initialised yet: call init() first.";
    }

    static String html(String kind, Layer[] layers, long totalParameters) {
        if (layers == null) {
            return "<p>" + kind + ": " + notInitialised() + "</p>";
        }
        StringBuilder html = new StringBuilder("<table class=\"workbench-model\"><caption>").append(kind)
                .append(String.format(Locale.ROOT, " &mdash; %,d parameters", totalParameters))
                .append("</caption><thead><tr><th>#</th><th>layer</th><th>type</th><th>in &rarr; out</th>"
                        + "<th>activation</th><th>parameters</th></tr></thead><tbody>");
        for (int i = 0; i < layers.length; i++) {
            org.deeplearning4j.nn.conf.layers.Layer conf = layers[i].conf().getLayer();
            html.append("<tr><td>").append(i)
                    .append("</td><td>").append(conf.getLayerName() == null ? "layer" + i : conf.getLayerName())
                    .append("</td><td>").append(conf.getClass().getSimpleName())
                    .append("</td><td>").append(shape(conf))
                    .append("</td><td>").append(conf instanceof BaseLayer base && base.getActivationFn() != null
                            ? base.getActivationFn().toString() : "")
                    .append("</td><td>").append(String.format(Locale.ROOT, "%,d", layers[i].numParams()))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String shape(org.deeplearning4j.nn.conf.layers.Layer conf) {
        return conf instanceof FeedForwardLayer ff ? ff.getNIn() + " &rarr; " + ff.getNOut() : "";
    }
}
