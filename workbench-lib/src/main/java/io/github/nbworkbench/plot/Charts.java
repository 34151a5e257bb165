package io.github.nbworkbench.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saving and combining charts and images.
 *
 * <p>Errors while writing are thrown as {@link UncheckedIOException}, so that a call works the same
 * inside a lambda as in a notebook cell.
 */
public final class Charts {

    private Charts() {
    }

    /**
     * Saves an XChart chart as PNG, SVG or PDF, or a {@link BufferedImage} as PNG, chosen by the
     * file's extension. Missing parent folders are created. The file is first written to a temporary
     * file in the same folder and then moved into place, so a reader never sees half a file and an
     * existing file is replaced only by a complete one.
     *
     * @param chartOrImage an XChart chart (any kind) or a {@code BufferedImage}
     * @param file         where to write, ending in .png, .svg or .pdf
     * @return the absolute path written
     * @throws IllegalArgumentException for an unknown extension, an object that is neither a chart nor
     *                                  an image, or an image with a vector extension
     */
    public static Path save(Object chartOrImage, Path file) {
        Path target = file.toAbsolutePath().normalize();
        Encoder encoder = encoderFor(chartOrImage, target);
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a folder; pass a file name such as " + target.resolve("chart.png"));
        }
        Path folder = target.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            // Not Files.createTempFile: its files are owner-only (0600), and the move would keep that.
            temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
                encoder.write(out);
            }
            moveIntoPlace(temporary, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Draws charts side by side, {@code columns} to a row, each at its own size, on a white
     * background: e.g. all {@link LearningCurves} in one image.
     */
    public static BufferedImage grid(List<? extends Chart<?, ?>> charts, int columns) {
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

    @FunctionalInterface
    private interface Encoder {
        void write(OutputStream out) throws IOException;
    }

    private static Encoder encoderFor(Object chartOrImage, Path target) {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!List.of("png", "svg", "pdf").contains(extension)) {
            throw new IllegalArgumentException("Cannot tell the format of '" + name
                    + "': use a file name ending in .png, .svg or .pdf.");
        }
        if (chartOrImage instanceof Chart<?, ?> chart) {
            return switch (extension) {
                case "png" -> out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG);
                case "svg" -> out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
                default -> out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.PDF);
            };
        }
        if (chartOrImage instanceof BufferedImage image) {
            if (!extension.equals("png")) {
                throw new IllegalArgumentException("A BufferedImage (such as an ImageGrid) has pixels only and can be "
                        + "saved as .png, not ." + extension + "; rename the file to " + name.replaceFirst("\\.[^.]*$", ".png"));
            }
            return out -> ImageIO.write(image, "png", out);
        }
        throw new IllegalArgumentException("Can save an XChart chart or a java.awt.image.BufferedImage, got "
                + (chartOrImage == null ? "null" : chartOrImage.getClass().getName()));
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // the original error, if any, matters more than a left-over temporary file
        }
    }
}
