package io.github.nbworkbench.data;

import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One image as a network's input: {@code [1, C, H, W]} floats in [0, 1] (pixel / 255), channels
 * R, G, B or one gray channel, resized (bilinear) when asked. This is how {@link ImageFolder} reads
 * every image, so a picture of your own meets a trained model the way its training images did:
 *
 * <pre>{@code
 * INDArray input = ImageFeatures.load(Path.of("seven.png")).size(28, 28).grayscale().features();
 * int digit = net.output(input).argMax(1).getInt(0);
 * INDArray drawn = ImageFeatures.of(bufferedImage).size(28, 28).grayscale().features();   // an image in memory
 * }</pre>
 *
 * CMYK images (print JPEGs) are refused: Java's reader gives no reliable RGB for them.
 */
public final class ImageFeatures {

    private static final String CMYK = "the image is CMYK (a print colour space), which Java cannot convert to RGB reliably (a CMYK"
            + " JPEG read here came out black): save it as an RGB PNG or JPEG first";

    private final BufferedImage image;
    private int height;
    private int width;
    private int channels;

    private ImageFeatures(BufferedImage image) {
        this.image = requireRgbOrGray(image);
        this.height = image.getHeight();
        this.width = image.getWidth();
        this.channels = isGray(image) ? 1 : 3;
    }

    /**
     * The image at its own size, gray if it is a gray image, else RGB.
     *
     * @throws IllegalArgumentException for a CMYK image
     */
    public static ImageFeatures of(BufferedImage image) {
        return new ImageFeatures(Objects.requireNonNull(image,
                "image is null (ImageIO.read returns null for a file no image reader recognises; ImageFeatures.load(path) says why)"));
    }

    /**
     * The image in {@code file} ({@value ImageFolder#FORMATS}), read as {@link ImageFolder} reads each of its images.
     *
     * @throws IllegalArgumentException when the file does not exist or is not an image Java can read
     */
    public static ImageFeatures load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No image file at " + file.toAbsolutePath() + (Files.isDirectory(file)
                    ? ": it is a folder (a folder of images, one subfolder per class, is ImageFolder.of(folder))" : ": check the path"));
        }
        try {
            return of(read(file));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read " + file + " as an image: " + e.getMessage(), e);
        }
    }

    /** Reads an image file; the exception's message says why it cannot be read (without the file's name). */
    static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("no image reader recognises its content (formats read: " + ImageFolder.FORMATS
                    + "); convert it to PNG or JPEG");
        }
        return requireRgbOrGray(image);
    }

    private static BufferedImage requireRgbOrGray(BufferedImage image) {
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
            throw new IllegalArgumentException(CMYK);
        }
        return image;
    }

    /** Resizes to {@code height x width} pixels, the size the model was trained on. */
    public ImageFeatures size(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image height and width must be 1 or more, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        return this;
    }

    /** One gray channel (luma 0.299 R + 0.587 G + 0.114 B for colour images). */
    public ImageFeatures grayscale() {
        return channels(1);
    }

    /** Three channels, R, G, B (gray images repeat their value). */
    public ImageFeatures rgb() {
        return channels(3);
    }

    @Override
    public String toString() {
        return "ImageFeatures[" + image.getWidth() + "x" + image.getHeight() + " image -> [1, " + channels + ", " + height + ", " + width + "]]";
    }

    /** The image as a batch of one: {@code [1, C, H, W]}. */
    public INDArray features() {
        float[] pixels = new float[channels * height * width];
        copyInto(pixels, 0);
        return Nd4j.create(pixels, new long[] {1, channels, height, width}, 'c');
    }

    ImageFeatures channels(int channels) {
        this.channels = channels;
        return this;
    }

    /** Writes the image as {@code C} planes of {@code H x W} values in [0, 1] into {@code pixels} at {@code offset}. */
    void copyInto(float[] pixels, int offset) {
        Raster bytes = resized(asBytes());
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    pixels[offset + (c * height + y) * width + x] = bytes.getSample(x, y, c) / 255f;
                }
            }
        }
    }

    static boolean isGray(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /**
     * The image as {@code channels} bands of bytes, read from its raster for gray images and as sRGB
     * otherwise (converting through Java2D's gray colour space would change the values).
     */
    private Raster asBytes() {
        int w = image.getWidth();
        int h = image.getHeight();
        WritableRaster out = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, channels, null);
        if (isGray(image) && image.getRaster().getNumBands() <= 2) {
            Raster raster = image.getRaster();
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int gray = Math.round(raster.getSample(x, y, 0) * 255f / max);
                    for (int c = 0; c < channels; c++) {
                        out.setSample(x, y, c, gray);
                    }
                }
            }
            return out;
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (channels == 1) {
                    out.setSample(x, y, 0, Math.round(0.299f * r + 0.587f * g + 0.114f * b));
                } else {
                    out.setSample(x, y, 0, r);
                    out.setSample(x, y, 1, g);
                    out.setSample(x, y, 2, b);
                }
            }
        }
        return out;
    }

    private Raster resized(Raster raster) {
        if (raster.getWidth() == width && raster.getHeight() == height) {
            return raster;
        }
        AffineTransform scale = AffineTransform.getScaleInstance((double) width / raster.getWidth(), (double) height / raster.getHeight());
        WritableRaster target = raster.createCompatibleWritableRaster(width, height);
        new AffineTransformOp(scale, AffineTransformOp.TYPE_BILINEAR).filter(raster, target);
        return target;
    }
}
