package io.github.nbworkbench.augment;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.nbworkbench.testdata.RequiresDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AugmentationPreviewTest {

    @Test
    void showsOriginalsAboveAndAugmentedBelowScaledUpToAReadableSize() {
        INDArray batch = TestImages.gray(new float[][] {{0, 1}, {1, 1}}).repeat(0, 3);
        AugmentationPreview preview = AugmentationPreview.of(AugmentationPipeline.builder().flipHorizontal(1).build(), batch, 2);
        assertArrayEquals(new long[] {2, 1, 2, 2}, preview.originals().shape());
        assertEquals(new RandomHorizontalFlip(1).apply(preview.originals(), new java.util.SplittableRandom(0)), preview.augmented());

        BufferedImage image = preview.image();
        int gap = 2;
        int cell = 84; // 2 px images drawn as 42 x 42 blocks per pixel
        assertEquals(gap + 2 * (cell + gap), image.getWidth());
        assertEquals(gap + 2 * (cell + gap), image.getHeight());
        // original: black top-left pixel; augmented (mirrored): white top-left pixel
        assertEquals(0x000000, image.getRGB(gap + 41, gap + 41) & 0xffffff);
        assertEquals(0xffffff, image.getRGB(gap + 42, gap + 1) & 0xffffff);
        assertEquals(0xffffff, image.getRGB(gap + 41, 2 * gap + cell + 41) & 0xffffff);
        assertEquals(0x000000, image.getRGB(gap + 42, 2 * gap + cell + 1) & 0xffffff);
    }

    @Test
    void smallImagesAreScaledByWholePixelsToAtLeast84Pixels() {
        assertEquals(3, AugmentationPreview.scaleFor(28));
        assertEquals(11, AugmentationPreview.scaleFor(8));
        assertEquals(1, AugmentationPreview.scaleFor(224));
        BufferedImage eightPixels = AugmentationPreview.of(AugmentationPipeline.builder().build(), TestImages.counting(2, 1, 8, 8), 1).image();
        assertEquals(2 + 2 * (88 + 2), eightPixels.getHeight());
    }

    @Test
    void threeChannelsShowAsColourAndOtherRangesAreStretched() {
        INDArray red = Nd4j.zeros(1, 3, 2, 2);
        red.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(0)).assign(5);
        BufferedImage image = AugmentationPreview.of(AugmentationPipeline.builder().build(), red, 1).image();
        assertEquals(0xff0000, image.getRGB(3, 3) & 0xffffff);
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void previewsRealImages() throws IOException {
        AugmentationPipeline pipeline = AugmentationPipeline.builder().flipHorizontal(0.5).cropWithPadding(4).rotate(10).seed(42).build();
        AugmentationPreview preview = AugmentationPreview.of(pipeline, FashionMnistSample.images(16), 8);
        assertNotEquals(preview.originals(), preview.augmented());
        assertEquals(2 + 8 * (84 + 2), preview.image().getWidth());
        assertEquals(2 + 2 * (84 + 2), preview.image().getHeight());
        assertEquals(preview.augmented(), AugmentationPreview.of(pipeline, FashionMnistSample.images(16), 8).augmented(),
                "the same pipeline shows the same preview");
    }

    @Test
    void refusesMoreImagesThanTheSampleHas() {
        assertThrows(IllegalArgumentException.class,
                () -> AugmentationPreview.of(AugmentationPipeline.builder().build(), TestImages.counting(3, 1, 4, 4), 4));
    }
}
