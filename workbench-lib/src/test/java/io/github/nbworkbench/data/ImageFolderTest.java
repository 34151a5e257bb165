package io.github.nbworkbench.data;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A folder of Fashion-MNIST test images by class, written here as PNG and JPEG. */
@RequiresDataset(FASHION_MNIST)
class ImageFolderTest {

    private static final int PER_CLASS = 8;

    @TempDir
    static Path dir;
    static Path root;
    /** The images written, class by class in file order: bag (PNG), sandal (JPEG), trouser (PNG then JPEG). */
    static INDArray originals;

    @BeforeAll
    static void writeFolder() throws IOException {
        LabeledDataset test = FashionMnist.load().test();
        root = dir.resolve("clothes");
        int[] picked = new int[3 * PER_CLASS];
        int n = 0;
        // Fashion-MNIST classes 8 (Bag), 5 (Sandal), 1 (Trouser): folder names sort in that order
        int[] classes = {8, 5, 1};
        String[] names = {"bag", "sandal", "trouser"};
        for (int k = 0; k < classes.length; k++) {
            Path folder = Files.createDirectories(root.resolve(names[k]));
            int written = 0;
            for (int i = 0; written < PER_CLASS; i++) {
                if (test.classIndex(i) == classes[k]) {
                    boolean jpeg = k == 1 || (k == 2 && written >= PER_CLASS / 2);
                    String file = String.format("img-%02d.%s", written, jpeg ? "jpg" : "png");
                    ImageIO.write(grayImage(test.example(i)), jpeg ? "jpeg" : "png", folder.resolve(file).toFile());
                    picked[n++] = i;
                    written++;
                }
            }
        }
        Files.writeString(root.resolve("bag/notes.txt"), "not an image, left out");
        originals = test.select(picked).features();
    }

    @Test
    void classesComeFromFolderNamesAndPngPixelsAreExact() {
        LabeledDataset data = ImageFolder.load(root);

        assertEquals(List.of("bag", "sandal", "trouser"), data.classNames());
        assertArrayEquals(new long[] {24, 1, 28, 28}, data.features().shape());
        assertArrayEquals(new int[] {8, 8, 8}, data.classCounts());
        assertEquals(0, maxDifference(data.features().slice(0), originals.slice(0)), 1e-6, "PNG keeps every pixel");
        assertEquals(0, maxDifference(data.features().slice(20), originals.slice(20)), 0.5, "a JPEG is close");
        assertTrue(meanDifference(data.features().slice(10), originals.slice(10)) < 0.03, "JPEG's mean error");
    }

    @Test
    void resizingToHalfAveragesEachTwoByTwoBlock() {
        LabeledDataset small = ImageFolder.of(root).size(14, 14).load();

        assertArrayEquals(new long[] {24, 1, 14, 14}, small.features().shape());
        INDArray original = originals.slice(3).slice(0);
        for (int y = 0; y < 14; y++) {
            for (int x = 0; x < 14; x++) {
                float block = (original.getFloat(2 * y, 2 * x) + original.getFloat(2 * y, 2 * x + 1)
                        + original.getFloat(2 * y + 1, 2 * x) + original.getFloat(2 * y + 1, 2 * x + 1)) / 4;
                assertEquals(block, small.features().getFloat(3, 0, y, x), 1.01 / 255, "pixel " + y + "," + x);
            }
        }
    }

    @Test
    void rgbRepeatsTheGrayValueAndEnlarges() {
        LabeledDataset rgb = ImageFolder.of(root).size(32, 32).rgb().load();

        assertArrayEquals(new long[] {24, 3, 32, 32}, rgb.features().shape());
        assertEquals(rgb.features().slice(5).slice(0), rgb.features().slice(5).slice(2));
        assertEquals(originals.slice(5).meanNumber().doubleValue(), rgb.features().slice(5).meanNumber().doubleValue(), 0.01);
    }

    @Test
    void colourImagesBecomeGrayByLuma() throws IOException {
        Path colours = dir.resolve("colours");
        for (String name : new String[] {"red", "blue"}) {
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.setColor(name.equals("red") ? Color.RED : Color.BLUE);
            g.fillRect(0, 0, 4, 4);
            g.dispose();
            ImageIO.write(image, "png", Files.createDirectories(colours.resolve(name)).resolve("a.png").toFile());
        }

        LabeledDataset rgb = ImageFolder.load(colours);
        LabeledDataset gray = ImageFolder.of(colours).grayscale().load();

        assertArrayEquals(new long[] {2, 3, 4, 4}, rgb.features().shape(), "colour images are read as RGB by default");
        assertEquals(1f, rgb.features().getFloat(1, 0, 2, 2), 1e-6, "red's R channel");
        assertEquals(0.299f, gray.features().getFloat(1, 0, 2, 2), 1.0 / 255);
        assertEquals(0.114f, gray.features().getFloat(0, 0, 2, 2), 1.0 / 255);
    }

    @Test
    void unreadableFilesAreNamed() throws IOException {
        Path broken = copyOf(root, "broken");
        Files.write(broken.resolve("sandal/img-99.jpg"), new byte[] {1, 2, 3, 4, 5});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFolder.load(broken));

        assertTrue(e.getMessage().contains("1 of 25 files") && e.getMessage().contains("sandal/img-99.jpg"), e::getMessage);
    }

    @Test
    void folderWithoutClassFoldersIsExplained() throws IOException {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.copy(root.resolve("bag/img-00.png"), flat.resolve("a.png"));

        String flatMessage = assertThrows(IllegalArgumentException.class, () -> ImageFolder.load(flat)).getMessage();
        String emptyMessage = assertThrows(IllegalArgumentException.class, () -> ImageFolder.load(empty)).getMessage();

        assertTrue(flatMessage.contains("no class folders (it holds 1 images directly)") && flatMessage.contains("cat"), flatMessage);
        assertTrue(emptyMessage.contains("no class folders (it is empty)"), emptyMessage);
    }

    @Test
    void emptyClassFolderAndMissingRootAreNamed() throws IOException {
        Path withEmpty = copyOf(root, "with-empty");
        Files.createDirectories(withEmpty.resolve("coat"));
        Path missing = dir.resolve("no/such/folder");

        String message = assertThrows(IllegalArgumentException.class, () -> ImageFolder.load(withEmpty)).getMessage();
        String notFound = assertThrows(DataNotFoundException.class, () -> ImageFolder.load(missing)).getMessage();

        assertTrue(message.contains(withEmpty.resolve("coat") + " holds no images"), message);
        assertTrue(notFound.contains(missing.toAbsolutePath().toString()), notFound);
    }

    private static BufferedImage grayImage(INDArray example) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                image.getRaster().setSample(x, y, 0, Math.round(example.getFloat(0, y, x) * 255));
            }
        }
        return image;
    }

    private static Path copyOf(Path source, String name) throws IOException {
        Path target = dir.resolve(name);
        try (var paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return target;
    }

    private static double maxDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue();
    }

    private static double meanDifference(INDArray a, INDArray b) {
        return a.sub(b).ameanNumber().doubleValue();
    }
}
