package io.github.nbworkbench.data;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @RequiresDataset(FASHION_MNIST)
    @Test
    void loadsSixtyThousandTrainingAndTenThousandTestImages() {
        FashionMnist fashion = FashionMnist.load();

        LabeledDataset train = fashion.train();
        LabeledDataset test = fashion.test();

        assertArrayEquals(new long[] {60_000, 1, 28, 28}, train.features().shape());
        assertArrayEquals(new long[] {60_000, 10}, train.labels().shape());
        assertArrayEquals(new long[] {10_000, 1, 28, 28}, test.features().shape());
        int[] sixThousandEach = new int[10];
        Arrays.fill(sixThousandEach, 6_000);
        assertArrayEquals(sixThousandEach, train.classCounts());
        assertEquals(FashionMnist.CLASS_NAMES, train.classNames());
        assertEquals("Ankle boot", train.className(0), "the first training image of Fashion-MNIST is an ankle boot");
        assertEquals(0.0, train.features().minNumber().doubleValue());
        assertEquals(1.0, train.features().maxNumber().doubleValue());
        assertEquals(FashionMnist.CLASS_NAMES.size(), test.numClasses());
    }

    @Test
    void missingFilesNameTheInstallCommand(@TempDir Path empty) {
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> FashionMnist.load(empty));

        assertTrue(e.getMessage().contains("sudo apt-get install dataset-fashion-mnist"), e::getMessage);
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e::getMessage);
    }

    @Test
    void readsAFolderOfPlainIdxFiles(@TempDir Path folder) throws Exception {
        byte[] pixels = new byte[3 * 28 * 28];
        pixels[28 * 28] = (byte) 255;
        for (String part : new String[] {"train", "t10k"}) {
            Files.write(folder.resolve(part + "-images-idx3-ubyte"), IdxReaderTest.idx(new int[] {3, 28, 28}, pixels));
            Files.write(folder.resolve(part + "-labels-idx1-ubyte"), IdxReaderTest.idx(new int[] {3}, new byte[] {9, 0, 8}));
        }

        LabeledDataset test = FashionMnist.load(folder).test();

        assertEquals(3, test.size());
        assertEquals("Bag", test.className(2));
        assertEquals(1f, test.example(1).getFloat(0, 0, 0));
    }
}
