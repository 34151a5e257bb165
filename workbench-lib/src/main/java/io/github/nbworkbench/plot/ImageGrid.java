package io.github.nbworkbench.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A grid of images with a caption under each, as a {@link BufferedImage} (shown as PNG in the
 * notebook, saved with {@link Charts#save}). Mistakes get a red border and a red caption.
 * <pre>{@code
 * ImageGrid.of(testImages)                                   // [N, C, H, W], C = 1 or 3
 *          .select(TopLosses.of(predictions, 16).indices())  // optional: which images
 *          .predictions(predictions.actual(), predictions.predicted(), classNames)
 *          .title("Top losses")
 *          .image();
 * }</pre>
 * Values in [0, 1] are shown as they are; arrays with other values are stretched per image to
 * black..white. Small images are scaled up by whole pixels (28 px to 84 px). For originals next to
 * their augmented versions see {@link ImageRows#compare(INDArray, INDArray)}.
 */
public final class ImageGrid {

    /** How many images are shown unless {@link #limit(int)} or {@link #select(int...)} says otherwise. */
    public static final int DEFAULT_LIMIT = 64;
    /** The most columns unless {@link #columns(int)} says otherwise. */
    public static final int DEFAULT_COLUMNS = 8;

    private static final int PADDING = 6;
    private static final int BORDER = 3;

    private final INDArray images;
    private String title;
    private int columns = DEFAULT_COLUMNS;
    private int scale;
    private int[] selection;
    private int limit = DEFAULT_LIMIT;
    private List<String> captions;
    private boolean[] mistakes;

    private ImageGrid(INDArray images) {
        this.images = images;
        this.scale = ImagePixels.defaultScale(Math.max(images.size(2), images.size(3)));
    }

    /**
     * A grid of the images in {@code images}.
     *
     * @param images shape [N, C, H, W] with C = 1 (grey) or 3 (RGB)
     * @throws IllegalArgumentException for any other shape, naming the shape given
     */
    public static ImageGrid of(INDArray images) {
        ImagePixels.checkShape(images, "images");
        return new ImageGrid(images);
    }

    /** A title above the grid. */
    public ImageGrid title(String title) {
        this.title = title;
        return this;
    }

    /** The most images in a row (default {@value #DEFAULT_COLUMNS}). */
    public ImageGrid columns(int columns) {
        this.columns = positive("columns", columns);
        return this;
    }

    /** Draw each pixel as a {@code factor} x {@code factor} block (default: enough to reach 84 px). */
    public ImageGrid scale(int factor) {
        this.scale = positive("scale", factor);
        return this;
    }

    /** Show at most {@code n} images, the first ones (default {@value #DEFAULT_LIMIT}); ignored after {@link #select}. */
    public ImageGrid limit(int n) {
        this.limit = positive("limit", n);
        return this;
    }

    /** Show these images, in this order, e.g. {@code TopLosses.indices()}. */
    public ImageGrid select(int... indices) {
        for (int index : indices) {
            if (index < 0 || index >= count()) {
                throw new IllegalArgumentException("Cannot select image " + index + ": there are " + count()
                        + " images (0.." + (count() - 1) + ").");
            }
        }
        this.selection = indices.clone();
        return this;
    }

    /**
     * Captions under the images, "\n" for a second line: either one per image shown, in the order
     * shown (after {@link #select} or {@link #limit}), or one per image of the array. When both
     * counts are equal, caption i belongs to image i of the array.
     */
    public ImageGrid captions(List<String> captions) {
        this.captions = List.copyOf(captions);
        return this;
    }

    /**
     * Captions "true: x" and "pred: y" under each image, red with a red border where they differ.
     * The arrays hold one class index per image of the array; {@code classNames} may be null, then
     * the indices are shown.
     */
    public ImageGrid predictions(int[] actual, int[] predicted, List<String> classNames) {
        requireOnePerImage("actual", actual.length);
        requireOnePerImage("predicted", predicted.length);
        this.captions = IntStream.range(0, actual.length)
                .mapToObj(i -> "true: " + name(classNames, actual[i]) + "\npred: " + name(classNames, predicted[i]))
                .toList();
        this.mistakes = new boolean[actual.length];
        for (int i = 0; i < actual.length; i++) {
            mistakes[i] = actual[i] != predicted[i];
        }
        return this;
    }

    /** Draws the grid. */
    public BufferedImage image() {
        int[] shown = selection != null ? selection : IntStream.range(0, (int) Math.min(count(), limit)).toArray();
        if (shown.length == 0) {
            throw new IllegalArgumentException("No images to show.");
        }
        boolean unitRange = ImagePixels.inUnitRange(images);
        int imageWidth = (int) images.size(3) * scale;
        int imageHeight = (int) images.size(2) * scale;
        int lineHeight = Canvas.metrics(Canvas.CAPTION_FONT).getHeight();
        String[][] shownCaptions = captionsOf(shown);
        int captionLines = Arrays.stream(shownCaptions).mapToInt(lines -> lines.length).max().orElse(0);
        int captionWidth = Arrays.stream(shownCaptions).flatMap(Arrays::stream)
                .mapToInt(line -> Canvas.width(Canvas.CAPTION_FONT, line)).max().orElse(0);
        int cellWidth = Math.max(imageWidth, captionWidth) + 2 * PADDING;
        int cellHeight = imageHeight + 2 * PADDING + captionLines * lineHeight;
        int gridColumns = Math.min(columns, shown.length);
        int rows = (shown.length + gridColumns - 1) / gridColumns;
        int titleHeight = Canvas.titleHeight(title);
        int width = Math.max(2 * Canvas.MARGIN + gridColumns * cellWidth,
                title == null ? 0 : 2 * Canvas.MARGIN + Canvas.width(Canvas.TITLE_FONT, title));
        BufferedImage grid = new BufferedImage(width, 2 * Canvas.MARGIN + titleHeight + rows * cellHeight,
                BufferedImage.TYPE_INT_RGB);

        Graphics2D g = Canvas.create(grid);
        Canvas.drawTitle(g, title, width);
        int left = (width - gridColumns * cellWidth) / 2;
        g.setFont(Canvas.CAPTION_FONT);
        for (int k = 0; k < shown.length; k++) {
            int index = shown[k];
            int cellLeft = left + (k % gridColumns) * cellWidth;
            int top = Canvas.MARGIN + titleHeight + (k / gridColumns) * cellHeight + PADDING;
            int imageLeft = cellLeft + (cellWidth - imageWidth) / 2;
            boolean mistake = mistakes != null && mistakes[index];
            if (mistake) {
                g.setColor(Canvas.MISTAKE);
                g.fillRect(imageLeft - BORDER, top - BORDER, imageWidth + 2 * BORDER, imageHeight + 2 * BORDER);
            }
            g.drawImage(ImagePixels.toImage(images, index, scale, unitRange), imageLeft, top, null);
            g.setColor(mistake ? Canvas.MISTAKE : Canvas.TEXT);
            String[] lines = shownCaptions[k];
            for (int line = 0; line < lines.length; line++) {
                Canvas.drawCentered(g, lines[line], cellLeft + cellWidth / 2,
                        top + imageHeight + PADDING + line * lineHeight + g.getFontMetrics().getAscent());
            }
        }
        g.dispose();
        return grid;
    }

    /** The caption lines of each image shown, in the order shown. */
    private String[][] captionsOf(int[] shown) {
        String[][] lines = new String[shown.length][];
        for (int k = 0; k < shown.length; k++) {
            if (captions == null) {
                lines[k] = new String[0];
            } else if (captions.size() == count()) {
                lines[k] = captions.get(shown[k]).split("\n");
            } else if (captions.size() == shown.length) {
                lines[k] = captions.get(k).split("\n");
            } else {
                throw new IllegalArgumentException("Got " + captions.size() + " captions for " + count() + " images, "
                        + shown.length + " of them shown; pass one caption per image shown or one per image of the array.");
            }
        }
        return lines;
    }

    private long count() {
        return images.size(0);
    }

    private void requireOnePerImage(String what, int length) {
        if (length != count()) {
            throw new IllegalArgumentException("Got " + length + " " + what + " for " + count()
                    + " images; pass one per image of the array (select() picks which are shown).");
        }
    }

    private static String name(List<String> classNames, int index) {
        return classNames != null && index >= 0 && index < classNames.size() ? classNames.get(index) : Integer.toString(index);
    }

    static int positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be 1 or more, got " + value);
        }
        return value;
    }
}
