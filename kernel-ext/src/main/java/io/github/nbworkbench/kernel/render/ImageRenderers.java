package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.common.Image;

import java.awt.image.RenderedImage;

/** Java images ({@link java.awt.image.BufferedImage} and every other {@link RenderedImage}) as PNG. */
public final class ImageRenderers implements RendererProvider {
    @Override
    public String requiredClass() {
        return "java.awt.image.RenderedImage";
    }

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(RenderedImage.class)
                .preferring(Image.PNG)
                .supporting(Image.JPEG, Image.GIF)
                .register(Image::renderImage);
    }
}
