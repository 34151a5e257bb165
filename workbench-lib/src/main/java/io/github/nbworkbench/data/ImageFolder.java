package io.github.nbworkbench.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A folder with one subfolder of images per class, as Keras' {@code image_dataset_from_directory}
 * and fastai's {@code from_folder} read it:
 *
 * <pre>{@code
 * pets/cat/001.jpg, pets/cat/002.png, ..., pets/dog/001.jpg, ...
 *
 * LabeledDataset pets = ImageFolder.load(Path.of("pets"));                        // size and channels of the first image
 * LabeledDataset pets = ImageFolder.of(Path.of("pets")).size(64, 64).rgb().load();
 * }</pre>
 *
 * Class names are the subfolder names, sorted; examples come class by class, each class's files in
 * name order (use {@link LabeledDataset#shuffled} or a split). Features are {@code [N, C, H, W]}
 * floats in [0, 1] (pixel / 255), channels R, G, B or one gray channel; images of another size are
 * resized (bilinear). Files whose names do not end in an image format Java reads ({@value #FORMATS}
 * and whatever ImageIO plug-ins add) are left out; hidden files and folders too.
 */
public final class ImageFolder {

    static final String FORMATS = "png, jpg, jpeg, gif, bmp";
    private static final int MAX_LISTED = 5;
    /** File name endings ImageIO can read (png, jpg, gif, bmp, ...), lower case. */
    private static final Set<String> IMAGE_SUFFIXES = readableSuffixes();

    private final Path root;
    private int height;
    private int width;
    private int channels;

    private ImageFolder(Path root) {
        this.root = root;
    }

    /** The folder {@code root}, to load with options ({@link #size}, {@link #grayscale}, {@link #rgb}). */
    public static ImageFolder of(Path root) {
        return new ImageFolder(root);
    }

    /** Loads {@code root} at the size of its first image, gray if that image is gray, else RGB. */
    public static LabeledDataset load(Path root) {
        return of(root).load();
    }

    /** Resizes every image to {@code height x width} pixels; by default the first image's size. */
    public ImageFolder size(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image height and width must be 1 or more, got " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        return this;
    }

    /** One gray channel (luma 0.299 R + 0.587 G + 0.114 B for colour images). */
    public ImageFolder grayscale() {
        this.channels = 1;
        return this;
    }

    /** Three channels, R, G, B (gray images repeat their value). */
    public ImageFolder rgb() {
        this.channels = 3;
        return this;
    }

    /**
     * Loads every image.
     *
     * @throws DataNotFoundException when {@code root} does not exist
     * @throws IllegalArgumentException when there are no class folders, a class folder holds no
     *     images, or images cannot be read (naming them)
     */
    public LabeledDataset load() {
        List<Path> classFolders = classFolders();
        List<String> classNames = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (Path folder : classFolders) {
            List<Path> images = list(folder, Files::isRegularFile).stream().filter(ImageFolder::isImageName).toList();
            if (images.isEmpty()) {
                throw new IllegalArgumentException("class folder " + folder + " holds no images (" + FORMATS
                        + "); put the class's images into it, or remove it");
            }
            for (Path image : images) {
                files.add(image);
                classes.add(classNames.size());
            }
            classNames.add(folder.getFileName().toString());
        }
        float[] pixels = null;
        List<String> unreadable = new ArrayList<>();
        int unreadableCount = 0;
        for (int i = 0; i < files.size(); i++) {
            BufferedImage image;
            try {
                image = ImageFeatures.read(files.get(i));
            } catch (IOException | RuntimeException e) {
                if (unreadable.size() < MAX_LISTED) {
                    unreadable.add(files.get(i) + " (" + e.getMessage() + ")");
                }
                unreadableCount++;
                continue;
            }
            if (pixels == null) {
                setDefaults(image);
                pixels = new float[Math.multiplyExact(files.size(), channels * height * width)];
            }
            ImageFeatures.of(image).size(height, width).channels(channels).copyInto(pixels, i * channels * height * width);
        }
        if (unreadableCount > 0) {
            throw new IllegalArgumentException(unreadableCount + " of " + files.size() + " files under " + root
                    + " cannot be read as images: " + String.join("; ", unreadable) + (unreadableCount > MAX_LISTED ? "; ..." : "")
                    + ". Remove or replace them (formats read: " + FORMATS + ")");
        }
        int[] classIndices = classes.stream().mapToInt(Integer::intValue).toArray();
        return LabeledDataset.classification(Nd4j.create(pixels, new long[] {files.size(), channels, height, width}, 'c'),
                classIndices, classNames);
    }

    private List<Path> classFolders() {
        if (!Files.exists(root)) {
            throw new DataNotFoundException("image folder " + root.toAbsolutePath() + " not found");
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is a file; ImageFolder reads a folder with one subfolder of images per class");
        }
        List<Path> folders = list(root, Files::isDirectory);
        if (folders.isEmpty()) {
            long images = list(root, Files::isRegularFile).stream().filter(ImageFolder::isImageName).count();
            throw new IllegalArgumentException(root + " has no class folders" + (images > 0 ? " (it holds " + images
                    + " images directly)" : " (it is empty)") + ": ImageFolder takes the class names from subfolders, e.g. "
                    + root.resolve("cat") + "/*.jpg and " + root.resolve("dog") + "/*.png");
        }
        return folders;
    }

    private static List<Path> list(Path folder, Predicate<Path> kind) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(kind).filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_SUFFIXES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Set<String> readableSuffixes() {
        Set<String> suffixes = new TreeSet<>();
        for (String suffix : ImageIO.getReaderFileSuffixes()) {
            suffixes.add(suffix.toLowerCase(Locale.ROOT));
        }
        return suffixes;
    }

    private void setDefaults(BufferedImage first) {
        if (height == 0) {
            height = first.getHeight();
            width = first.getWidth();
        }
        if (channels == 0) {
            channels = ImageFeatures.isGray(first) ? 1 : 3;
        }
    }
}
