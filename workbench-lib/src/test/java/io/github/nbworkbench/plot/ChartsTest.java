package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class ChartsTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path folder;

    private static XYChart chart() {
        return LearningCurves.of(Histories.small()).chart("loss");
    }

    @Test
    void savesPng() throws IOException {
        Path file = Charts.save(chart(), folder.resolve("loss.png"));

        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(file), 8));
    }

    @Test
    void savesSvg() throws IOException {
        String svg = Files.readString(Charts.save(chart(), folder.resolve("loss.svg")), StandardCharsets.UTF_8);

        assertTrue(svg.startsWith("<?xml") && svg.contains("<svg"), svg.substring(0, Math.min(200, svg.length())));
    }

    @Test
    void savesPdf() throws IOException {
        byte[] pdf = Files.readAllBytes(Charts.save(chart(), folder.resolve("loss.PDF")));

        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void savesAnImageAsPngOnly() throws IOException {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);

        Path png = Charts.save(image, folder.resolve("image.png"));
        IllegalArgumentException svg = assertThrows(IllegalArgumentException.class,
                () -> Charts.save(image, folder.resolve("image.svg")));

        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(png), 8));
        assertTrue(svg.getMessage().contains("image.png"), svg.getMessage());
    }

    @Test
    void createsParentFoldersAndLeavesNoTemporaryFiles() throws IOException {
        Path file = folder.resolve("a/b/loss.png");

        Charts.save(chart(), file);
        Charts.save(chart(), file);

        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("a")), files.toList());
        }
    }

    @Test
    void savedFileHasTheSamePermissionsAsAnyNewFile() throws IOException {
        Path plain = Files.createFile(folder.resolve("plain.txt"));

        Path saved = Charts.save(chart(), folder.resolve("loss.png"));

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(saved));
    }

    @Test
    void explainsUnknownExtensions() {
        IllegalArgumentException gif = assertThrows(IllegalArgumentException.class,
                () -> Charts.save(chart(), folder.resolve("loss.gif")));

        assertTrue(gif.getMessage().contains(".png, .svg or .pdf"), gif.getMessage());
        assertEquals(0, folder.toFile().list().length, "nothing should be written");
    }

    @Test
    void gridLaysChartsOutInRows() {
        BufferedImage grid = Charts.image(List.of(chart(), chart(), chart()), 2);

        assertEquals(1600, grid.getWidth());
        assertEquals(1000, grid.getHeight());
    }
}
