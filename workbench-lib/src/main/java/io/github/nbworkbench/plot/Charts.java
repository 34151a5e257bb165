package io.github.nbworkbench.plot;

import io.github.nbworkbench.files.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saving and combining charts and images.
 * <pre>{@code
 * Charts.save(RocPlot.chart(roc), Path.of("out/roc.svg"));
 * Charts.save(LearningCurves.of(history).image(), Path.of("out/curves.png"));
 * BufferedImage side = Charts.image(List.of(lossChart, accuracyChart), 2);
 * }</pre>
 *
 * <p>Errors while writing are thrown as {@link UncheckedIOException}, so that a call works the same
 * inside a lambda as in a notebook cell.
 */
public final class Charts {

    private Charts() {
    }

    /**
     * Saves an XChart chart (any kind: XY, category, heat map, pie...) as PNG, SVG or PDF, chosen by
     * the file's extension. Missing parent folders are created. The file is written with
     * {@link AtomicFiles}, so a reader never sees half a file and an existing file is replaced only
     * by a complete one.
     *
     * @param file where to write, ending in .png, .svg or .pdf
     * @return the absolute path written
     * @throws IllegalArgumentException for an unknown extension
     */
    public static Path save(Chart<?, ?> chart, Path file) {
        Path target = target(file);
        return write(target, switch (extension(target)) {
            case "png" -> out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
            case "svg" -> out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
            default -> out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.PDF);
        });
    }

    /**
     * Saves an image (an {@link ImageGrid}, an augmentation preview...) as PNG, the same way as a chart.
     *
     * @throws IllegalArgumentException for any extension but .png: an image has pixels only
     */
    public static Path save(BufferedImage image, Path file) {
        Path target = target(file);
        String extension = extension(target);
        if (!extension.equals("png")) {
            String name = target.getFileName().toString();
            throw new IllegalArgumentException("A BufferedImage (such as an ImageGrid) has pixels only and can be "
                    + "saved as .png, not ." + extension + "; rename the file to " + name.replaceFirst("\\.[^.]*$", ".png"));
        }
        return write(target, out -> ImageIO.write(image, "png", out));
    }

    /**
     * Draws charts side by side, {@code columns} to a row, each at its own size, on a white
     * background: e.g. all {@link LearningCurves} in one image.
     */
    public static BufferedImage image(List<? extends Chart<?, ?>> charts, int columns) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("No charts to draw.");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be 1 or more, got " + columns);
        }
        int cellWidth = charts.stream().mapToInt(Chart::getWidth).max().orElseThrow();
        int cellHeight = charts.stream().mapToInt(Chart::getHeight).max().orElseThrow();
        int usedColumns = Math.min(columns, charts.size());
        int rows = (charts.size() + usedColumns - 1) / usedColumns;
        BufferedImage grid = new BufferedImage(usedColumns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)),
                    (i % usedColumns) * cellWidth, (i / usedColumns) * cellHeight, null);
        }
        g.dispose();
        return grid;
    }

    private static Path target(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a folder; pass a file name such as " + target.resolve("chart.png"));
        }
        return target;
    }

    private static String extension(Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!List.of("png", "svg", "pdf").contains(extension)) {
            throw new IllegalArgumentException("Cannot tell the format of '" + name
                    + "': use a file name ending in .png, .svg or .pdf.");
        }
        return extension;
    }

    private static Path write(Path target, AtomicFiles.Content content) {
        try {
            AtomicFiles.write(target, content);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        }
    }
}
