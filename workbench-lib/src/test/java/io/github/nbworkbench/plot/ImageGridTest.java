package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ImageGridTest {

    /** Grey images, each a left-to-right ramp, so no pixel is red. */
    private static INDArray greyImages(int n) {
        INDArray ramp = Nd4j.linspace(0, 1, 28, DataType.FLOAT).reshape(1, 1, 1, 28);
        return ramp.broadcast(n, 1, 28, 28).dup();
    }

    @Test
    void scalesSmallImagesUpAndLaysThemOutInColumns() {
        BufferedImage grid = ImageGrid.of(greyImages(4)).columns(2).image();

        int cell = 84 + 2 * 6;
        assertEquals(2 * Canvas.MARGIN + 2 * cell, grid.getWidth());
        assertEquals(2 * Canvas.MARGIN + 2 * cell, grid.getHeight());
    }

    @Test
    void titleAndCaptionsAddHeight() {
        BufferedImage plain = ImageGrid.of(greyImages(4)).columns(4).image();
        BufferedImage captioned = ImageGrid.of(greyImages(4)).columns(4).title("Samples")
                .predictions(new int[] {0, 1, 2, 3}, new int[] {0, 1, 2, 3}, null).image();

        assertTrue(captioned.getHeight() > plain.getHeight() + 2 * Canvas.metrics(Canvas.CAPTION_FONT).getHeight());
    }

    @Test
    void marksMistakesInRed() {
        BufferedImage grid = ImageGrid.of(greyImages(2)).columns(2)
                .predictions(new int[] {7, 7}, new int[] {7, 1}, null).image();

        int half = grid.getWidth() / 2;
        assertFalse(hasRed(grid, 0, half), "the correct prediction should have no red");
        assertTrue(hasRed(grid, half, grid.getWidth()), "the mistake should be marked red");
    }

    @Test
    void selectShowsTheChosenImagesInOrder() {
        INDArray images = Nd4j.zeros(DataType.FLOAT, 3, 1, 28, 28);
        images.putScalar(new long[] {2, 0, 0, 0}, 1.0);

        BufferedImage grid = ImageGrid.of(images).select(2).image();

        assertEquals(2 * Canvas.MARGIN + 84 + 2 * 6, grid.getWidth());
        assertEquals(Color.WHITE.getRGB(), grid.getRGB(Canvas.MARGIN + 6, Canvas.MARGIN + 6), "pixel (0,0) of image 2 is white");
    }

    @Test
    void stretchesValuesOutsideTheUnitRangePerImage() {
        INDArray images = Nd4j.create(new float[] {-1f, 1f, 1f, 1f}, 1, 1, 2, 2);

        BufferedImage grid = ImageGrid.of(images).scale(1).image();

        assertEquals(Color.BLACK.getRGB(), grid.getRGB(Canvas.MARGIN + 6, Canvas.MARGIN + 6));
        assertEquals(Color.WHITE.getRGB(), grid.getRGB(Canvas.MARGIN + 7, Canvas.MARGIN + 6));
    }

    @Test
    void drawsRgbImagesInColour() {
        INDArray red = Nd4j.zeros(DataType.FLOAT, 1, 3, 4, 4);
        red.get(NDArrayIndex.point(0), NDArrayIndex.point(0)).assign(1);

        BufferedImage grid = ImageGrid.of(red).scale(1).image();

        assertEquals(Color.RED.getRGB(), grid.getRGB(Canvas.MARGIN + 6, Canvas.MARGIN + 6));
    }

    @Test
    void explainsWrongShapes() {
        IllegalArgumentException flat = assertThrows(IllegalArgumentException.class, () -> ImageGrid.of(Nd4j.zeros(10, 784)));
        IllegalArgumentException nhwc = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.of(Nd4j.zeros(10, 28, 28, 3)));

        assertTrue(flat.getMessage().contains("[N, C, H, W]") && flat.getMessage().contains("[10, 784]"), flat.getMessage());
        assertTrue(nhwc.getMessage().contains("permute(0, 3, 1, 2)"), nhwc.getMessage());
    }

    @Test
    void explainsCaptionsThatDoNotMatchTheImages() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ImageGrid.of(greyImages(5)).limit(3).captions(List.of("a", "b")).image());

        assertTrue(error.getMessage().contains("2 captions for 5 images, 3 of them shown"), error.getMessage());
    }

    @Test
    void takesCaptionsForJustTheImagesShown() {
        INDArray images = greyImages(5);
        List<String> all = List.of("zero", "one", "two", "three", "four\nsecond line");

        BufferedImage perShown = ImageGrid.of(images).select(4, 1).captions(List.of("four\nsecond line", "one")).image();
        BufferedImage perImage = ImageGrid.of(images).select(4, 1).captions(all).image();
        BufferedImage firstThree = ImageGrid.of(images).limit(3).captions(List.of("zero", "one", "two")).image();

        assertTrue(samePixels(perShown, perImage), "captions for the images shown = the same captions given per image");
        assertTrue(samePixels(firstThree, ImageGrid.of(images).limit(3).captions(all).image()));
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int x = 0; x < a.getWidth(); x++) {
            for (int y = 0; y < a.getHeight(); y++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void comparisonHasOneLabelledRowPerArray() {
        INDArray originals = greyImages(5);
        INDArray cropped = Nd4j.rand(DataType.FLOAT, 5, 1, 20, 20);

        BufferedImage rows = ImageRows.compare(originals, cropped).limit(3).image();

        int labelWidth = Canvas.width(Canvas.LABEL_FONT, "transformed") + 2 * 6;
        assertEquals(2 * Canvas.MARGIN + labelWidth + 3 * (84 + 2 * 6), rows.getWidth());
        // one scale for all rows, set by the largest images: 28 px -> 84 px, so 20 px -> 60 px
        assertEquals(2 * Canvas.MARGIN + (84 + 12) + (60 + 12), rows.getHeight());
    }

    static boolean hasRed(BufferedImage image, int fromX, int toX) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                Color c = new Color(image.getRGB(x, y));
                if (c.getRed() > 180 && c.getGreen() < 80 && c.getBlue() < 80) {
                    return true;
                }
            }
        }
        return false;
    }
}
