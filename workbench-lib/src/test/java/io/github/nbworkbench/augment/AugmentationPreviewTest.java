package io.github.nbworkbench.augment;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.plot.ImageRows;
import io.github.nbworkbench.testdata.RequiresDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class AugmentationPreviewTest {

    @Test
    void showsOriginalsAboveAndAugmentedBelowScaledUpToAReadableSize() {
        INDArray batch = TestImages.gray(new float[][] {{0, 1}, {1, 1}}).repeat(0, 3);
        AugmentationPreview preview = AugmentationPreview.of(AugmentationPipeline.builder().flipHorizontal(1).build(), batch, 2);
        assertArrayEquals(new long[] {2, 1, 2, 2}, preview.originals().shape());
        assertEquals(new RandomHorizontalFlip(1).apply(preview.originals(), new java.util.SplittableRandom(0)), preview.augmented());

        BufferedImage expected = ImageRows.of().row("original", preview.originals()).row("augmented", preview.augmented()).image();
        assertImagesEqual(expected, preview.image());
    }

    @Test
    void showsEveryImageOfTheSampleEvenBeyondImageRowsDefaultLimit() {
        int n = ImageRows.DEFAULT_LIMIT + 2;
        AugmentationPreview preview = AugmentationPreview.of(AugmentationPipeline.builder().build(), TestImages.counting(n, 1, 8, 8), n);
        BufferedImage expected = ImageRows.of().row("original", preview.originals()).row("augmented", preview.augmented()).limit(n).image();
        assertImagesEqual(expected, preview.image());
        assertTrue(preview.image().getWidth() > n * 84, "width " + preview.image().getWidth());
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void previewsRealImages() throws IOException {
        AugmentationPipeline pipeline = AugmentationPipeline.builder().flipHorizontal(0.5).cropWithPadding(4).rotate(10).seed(42).build();
        AugmentationPreview preview = AugmentationPreview.of(pipeline, FashionMnistSample.images(16), 8);
        assertNotEquals(preview.originals(), preview.augmented());
        assertTrue(preview.image().getHeight() >= 2 * 84, "two rows of images scaled up to 84 px: " + preview.image().getHeight());
        assertEquals(preview.augmented(), AugmentationPreview.of(pipeline, FashionMnistSample.images(16), 8).augmented(),
                "the same pipeline shows the same preview");
    }

    private static void assertImagesEqual(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + ", " + y);
            }
        }
    }

    @Test
    void refusesMoreImagesThanTheSampleHas() {
        assertThrows(IllegalArgumentException.class,
                () -> AugmentationPreview.of(AugmentationPipeline.builder().build(), TestImages.counting(3, 1, 4, 4), 4));
    }
}
