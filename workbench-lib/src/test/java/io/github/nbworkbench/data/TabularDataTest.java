package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularDataTest {

    private static final String[] SPECIES = {"versicolor", "setosa", "virginica"};

    @TempDir
    static Path dir;
    static Path iris;

    /** Iris-like: 30 rows, four measurements, an id (text), a species and a numeric grade. */
    @BeforeAll
    static void writeCsv() throws Exception {
        Random random = new Random(1);
        StringBuilder csv = new StringBuilder("id,sepal_length,sepal_width,petal_length,petal_width,species,grade\n");
        for (int row = 0; row < 30; row++) {
            int s = row % 3;
            csv.append("r").append(row).append(',')
                    .append(5 + s + random.nextDouble()).append(',').append(3 + random.nextDouble()).append(',')
                    .append(1.5 + 2 * s + random.nextDouble()).append(',').append(0.2 + s).append(',')
                    .append(SPECIES[s]).append(',').append(s == 0 ? 10 : s == 1 ? 2 : 1).append('\n');
        }
        iris = Files.writeString(dir.resolve("iris.csv"), csv);
    }

    @Test
    void classificationUsesTheOtherNumericColumnsAndSortedClasses() {
        LabeledDataset data = TabularData.load(iris).label("species").classification();

        assertEquals(List.of("setosa", "versicolor", "virginica"), data.classNames());
        assertArrayEquals(new long[] {30, 5}, data.features().shape(), "4 measurements and grade; the text id is left out");
        assertEquals("versicolor", data.className(0));
        assertArrayEquals(new int[] {10, 10, 10}, data.classCounts());
    }

    @Test
    void numericClassesSortNumerically() {
        LabeledDataset data = TabularData.load(iris).label("grade").features("petal_length").classification();

        assertEquals(List.of("1", "2", "10"), data.classNames());
        assertArrayEquals(new long[] {30, 1}, data.features().shape());
    }

    @Test
    void regressionTargetsAreOneColumn() {
        LabeledDataset data = TabularData.load(iris).label("petal_width").features("sepal_length", "petal_length").regression();

        assertArrayEquals(new long[] {30, 1}, data.labels().shape());
        assertEquals(0.2f, data.labels().getFloat(0, 0), 1e-6);
        assertTrue(data.classNames().isEmpty());
    }

    @Test
    void missingColumnListsTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularData.load(iris).label("variety"));

        assertTrue(e.getMessage().contains("'variety'") && e.getMessage().contains("species (STRING)")
                && e.getMessage().contains("sepal_length (DOUBLE)"), e::getMessage);
    }

    @Test
    void textFeatureColumnIsRefusedWithTheNumericAlternatives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularData.load(iris).label("species").features("id", "sepal_width"));

        assertTrue(e.getMessage().contains("'id'") && e.getMessage().contains("must be numeric")
                && e.getMessage().contains("petal_width"), e::getMessage);
    }

    @Test
    void labelAmongTheFeaturesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularData.load(iris).label("grade").features("grade", "sepal_width").classification());

        assertTrue(e.getMessage().contains("'grade' is also among the features"), e::getMessage);
    }

    @Test
    void infiniteValuesAreRefusedNamingColumnAndLine() throws Exception {
        Path csv = Files.writeString(dir.resolve("inf.csv"), "a,b,y\n1,2,0\n3,Infinity,1\n5,6,0\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularData.load(csv).label("y").classification());

        assertTrue(e.getMessage().contains("column 'b' holds Infinity in row 1 (line 3 of inf.csv)"), e::getMessage);
    }

    @Test
    void regressionOnTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TabularData.load(iris).label("species").regression());
    }
}
