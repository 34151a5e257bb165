package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** XChart charts as PNG, or as SVG when asked ({@code render(chart, "image/svg+xml")}). */
public final class ChartRenderers implements RendererProvider {
    @Override
    public String requiredClass() {
        return "org.knowm.xchart.internal.chartpart.Chart";
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void register(Renderer renderer) {
        renderer.createRegistration(Chart.class)
                .preferring(Image.PNG)
                .supporting(Image.SVG)
                .register((chart, context) -> {
                    context.renderIfRequested(Image.PNG, () -> Base64.getEncoder().encodeToString(png(chart)));
                    context.renderIfRequested(Image.SVG, () -> svg(chart));
                });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static byte[] png(Chart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the chart as PNG", e);
        }
    }

    @SuppressWarnings("rawtypes")
    private static String svg(Chart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not draw the chart as SVG", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
