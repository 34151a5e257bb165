package io.github.nbworkbench.plot;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Rows of images with a label to the left of each row, image i of every row in column i: e.g.
 * originals above their augmented versions. Rows may differ in image size (a crop, a resize).
 * <pre>{@code
 * ImageRows.compare(originals, augmented).limit(6).image();
 * ImageRows.of().row("original", x).row("flipped", flipped).row("rotated", rotated).image();
 * }</pre>
 */
public final class ImageRows {

    /** How many images per row are shown unless {@link #limit(int)} says otherwise. */
    public static final int DEFAULT_LIMIT = 8;

    private static final int PADDING = 6;

    private final Map<String, INDArray> rows = new LinkedHashMap<>();
    private String title;
    private int limit = DEFAULT_LIMIT;
    private Integer scale;

    private ImageRows() {
    }

    /** No rows yet; add them with {@link #row(String, INDArray)}. */
    public static ImageRows of() {
        return new ImageRows();
    }

    /**
     * Original images in a row labelled "original" above their transformed versions in a row labelled
     * "transformed", image i under image i: a preview of data augmentation. Add more rows with
     * {@link #row(String, INDArray)}.
     */
    public static ImageRows compare(INDArray originals, INDArray transformed) {
        return of().row("original", originals).row("transformed", transformed);
    }

    /**
     * Adds a row.
     *
     * @param label  shown to the left of the row
     * @param images shape [N, C, H, W], C = 1 or 3
     */
    public ImageRows row(String label, INDArray images) {
        ImagePixels.checkShape(images, "Images of row '" + label + "'");
        if (rows.containsKey(label)) {
            throw new IllegalArgumentException("There is already a row labelled '" + label + "'; give each row its own label.");
        }
        rows.put(label, images);
        return this;
    }

    /** A title above the rows. */
    public ImageRows title(String title) {
        this.title = title;
        return this;
    }

    /** Show at most {@code n} images per row (default {@value #DEFAULT_LIMIT}). */
    public ImageRows limit(int n) {
        this.limit = ImageGrid.positive("limit", n);
        return this;
    }

    /** Draw each pixel as a {@code factor} x {@code factor} block (default: enough to reach 84 px). */
    public ImageRows scale(int factor) {
        this.scale = ImageGrid.positive("scale", factor);
        return this;
    }

    /** Draws the rows. */
    public BufferedImage image() {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("No rows to show; add them with row(label, images).");
        }
        int factor = scale != null ? scale : ImagePixels.defaultScale(rows.values().stream()
                .mapToLong(images -> Math.max(images.size(2), images.size(3))).max().orElseThrow());
        int columns = (int) Math.min(limit, rows.values().stream().mapToLong(images -> images.size(0)).min().orElseThrow());
        int labelWidth = rows.keySet().stream().mapToInt(label -> Canvas.width(Canvas.LABEL_FONT, label)).max().orElse(0)
                + 2 * PADDING;
        int cellWidth = rows.values().stream().mapToInt(images -> (int) images.size(3) * factor).max().orElseThrow()
                + 2 * PADDING;
        int titleHeight = Canvas.titleHeight(title);
        int height = 2 * Canvas.MARGIN + titleHeight + rows.values().stream()
                .mapToInt(images -> (int) images.size(2) * factor + 2 * PADDING).sum();
        int width = Math.max(2 * Canvas.MARGIN + labelWidth + columns * cellWidth,
                title == null ? 0 : 2 * Canvas.MARGIN + Canvas.width(Canvas.TITLE_FONT, title));
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);

        Graphics2D g = Canvas.create(canvas);
        Canvas.drawTitle(g, title, width);
        int top = Canvas.MARGIN + titleHeight;
        for (Map.Entry<String, INDArray> row : rows.entrySet()) {
            INDArray images = row.getValue();
            int rowHeight = (int) images.size(2) * factor + 2 * PADDING;
            g.setFont(Canvas.LABEL_FONT);
            g.setColor(Canvas.TEXT);
            g.drawString(row.getKey(), Canvas.MARGIN + PADDING,
                    top + (rowHeight + g.getFontMetrics().getAscent() - g.getFontMetrics().getDescent()) / 2);
            boolean unitRange = ImagePixels.inUnitRange(images);
            for (int i = 0; i < columns; i++) {
                BufferedImage image = ImagePixels.toImage(images, i, factor, unitRange);
                int cellLeft = Canvas.MARGIN + labelWidth + i * cellWidth;
                g.drawImage(image, cellLeft + (cellWidth - image.getWidth()) / 2, top + PADDING, null);
            }
            top += rowHeight;
        }
        g.dispose();
        return canvas;
    }
}
