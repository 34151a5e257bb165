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
    void aMissingImageAndABadSizeAreExplained() {
        NullPointerException missing = assertThrows(NullPointerException.class, () -> ImageFeatures.of(null));
        assertTrue(missing.getMessage().contains("ImageIO.read returns null"), missing.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> ImageFeatures.of(photo).size(0, 28));
        assertEquals("image height and width must be 1 or more, got 0x28", size.getMessage());
    }
}
