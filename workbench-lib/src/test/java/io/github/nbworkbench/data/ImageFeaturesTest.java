package io.github.nbworkbench.data;

import static io.github.nbworkbench.testdata.Dataset.SKLEARN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.testdata.SklearnData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A photo the project never made: scikit-learn's china.jpg (427 x 640, RGB), as a network's input. */
@RequiresDataset(SKLEARN)
class ImageFeaturesTest {

    static BufferedImage photo;

    @BeforeAll
    static void readPhoto() throws IOException {
        photo = ImageIO.read(SklearnData.image("china.jpg").toFile());
    }

    @Test
    void aColourPhotoIsOneBatchOfThreeChannelsInZeroToOne() {
        INDArray features = ImageFeatures.of(photo).features();

        assertArrayEquals(new long[] {1, 3, 427, 640}, features.shape());
        int rgb = photo.getRGB(100, 200);
        assertEquals(((rgb >> 16) & 0xff) / 255f, features.getFloat(0, 0, 200, 100), 1e-7);
        assertEquals(((rgb >> 8) & 0xff) / 255f, features.getFloat(0, 1, 200, 100), 1e-7);
        assertEquals((rgb & 0xff) / 255f, features.getFloat(0, 2, 200, 100), 1e-7);
        assertTrue(features.minNumber().doubleValue() >= 0 && features.maxNumber().doubleValue() <= 1);
    }

    @Test
    void resizedToGrayKeepsTheBrightnessOfThePhoto() {
        INDArray full = ImageFeatures.of(photo).grayscale().features();
        INDArray small = ImageFeatures.of(photo).size(28, 28).grayscale().features();

        assertArrayEquals(new long[] {1, 1, 28, 28}, small.shape());
        double fullMean = full.meanNumber().doubleValue();
        double smallMean = small.meanNumber().doubleValue();
        System.out.printf("china.jpg mean gray: %.4f at 427x640, %.4f at 28x28%n", fullMean, smallMean);
        assertEquals(fullMean, smallMean, 0.03);
    }

    @Test
    void anImageFolderReadsEachImageExactlyAsImageFeaturesDoes(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos").resolve("china"));
        Files.copy(SklearnData.image("china.jpg"), folder.resolve("china.jpg"));

        LabeledDataset loaded = ImageFolder.of(dir.resolve("photos")).size(64, 96).load();

        assertEquals(ImageFeatures.of(photo).size(64, 96).features(), loaded.features());
    }

    @Test
    void loadReadsAFileAsOfReadsTheImageInMemory() {
        assertEquals(ImageFeatures.of(photo).size(28, 28).features(), ImageFeatures.load(SklearnData.image("china.jpg")).size(28, 28).features());
        assertEquals("ImageFeatures[640x427 image -> [1, 1, 28, 28]]", ImageFeatures.load(SklearnData.image("flower.jpg")).size(28, 28)
                .grayscale().toString());
    }

    @Test
    void aSixteenBitPngKeepsItsGrayLevels(@TempDir Path dir) throws IOException {
        BufferedImage gray16 = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                gray16.getRaster().setSample(x, y, 0, ((photo.getRGB(x * 6, y * 6) >> 8) & 0xff) * 257);   // the photo's green, 16 bits
            }
        }
        Path file = dir.resolve("gray16.png");
        ImageIO.write(gray16, "png", file.toFile());

        INDArray features = ImageFeatures.load(file).features();

        assertArrayEquals(new long[] {1, 1, 48, 64}, features.shape());
        assertEquals(((photo.getRGB(60, 30) >> 8) & 0xff) / 255f, features.getFloat(0, 0, 5, 10), 1e-6);
    }

    @Test
    void aCmykJpegIsRefusedRatherThanReadAsBlack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("print.jpg");
        writeCmykJpeg(file);
        Path classFolder = Files.createDirectories(dir.resolve("photos").resolve("print"));
        Files.copy(file, classFolder.resolve("print.jpg"));

        String message = assertThrows(IllegalArgumentException.class, () -> ImageFeatures.load(file)).getMessage();
        String folder = assertThrows(IllegalArgumentException.class, () -> ImageFolder.of(dir.resolve("photos")).load()).getMessage();

        assertTrue(message.startsWith("Cannot read " + file + " as an image: the image is CMYK"), message);
        assertTrue(message.endsWith("save it as an RGB PNG or JPEG first"), message);
        assertTrue(folder.contains("print.jpg (the image is CMYK"), folder);
    }

    /** The photo's colours as a 4-channel (C, M, Y, K) JPEG, the way print software writes one. */
    private static void writeCmykJpeg(Path file) throws IOException {
        java.awt.image.WritableRaster cmyk = java.awt.image.Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, 64, 48, 4, null);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int rgb = photo.getRGB(x * 6, y * 6);
                cmyk.setPixel(x, y, new int[] {255 - ((rgb >> 16) & 0xff), 255 - ((rgb >> 8) & 0xff), 255 - (rgb & 0xff), 0});
            }
        }
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (javax.imageio.stream.ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(cmyk, null, null), null);
        } finally {
            writer.dispose();
        }
    }

    @Test
    void aMissingFileAFolderAndAFileThatIsNoImageAreExplained(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");

        String missing = assertThrows(IllegalArgumentException.class, () -> ImageFeatures.load(dir.resolve("seven.png"))).getMessage();
        String folder = assertThrows(IllegalArgumentException.class, () -> ImageFeatures.load(dir)).getMessage();
        String notImage = assertThrows(IllegalArgumentException.class, () -> ImageFeatures.load(text)).getMessage();

        assertEquals("No image file at " + dir.resolve("seven.png").toAbsolutePath() + ": check the path", missing);
        assertTrue(folder.endsWith("it is a folder (a folder of images, one subfolder per class, is ImageFolder.of(folder))"), folder);
        assertTrue(notImage.startsWith("Cannot read " + text + " as an image: no image reader recognises its content (formats read: png,"),
                notImage);
    }

    @Test
    void aMissingImageAndABadSizeAreExplained() {
        NullPointerException missing = assertThrows(NullPointerException.class, () -> ImageFeatures.of(null));
        assertTrue(missing.getMessage().contains("ImageIO.read returns null"), missing.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> ImageFeatures.of(photo).size(0, 28));
        assertEquals("image height and width must be 1 or more, got 0x28", size.getMessage());
    }
}
