package io.github.nbworkbench.data;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static io.github.nbworkbench.testdata.Dataset.SKLEARN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.testdata.SklearnData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** CSV files of many shapes: scikit-learn's (title lines, no header, gzip, spaces) and files written here. */
class CsvOptionsTest {

    @TempDir
    Path dir;

    @RequiresDataset(SKLEARN)
    @Test
    void sklearnIrisTitleLineIsSkippedAndClassesAreNamedByHand() {
        TabularData iris = TabularData.load(SklearnData.file("iris.csv"));

        assertEquals(List.of("C0", "C1", "C2", "C3", "C4"), iris.table().columnNames(), iris::toString);
        assertEquals(150, iris.table().rowCount());
        assertTrue(iris.toString().contains("no header (detected), 1 line skipped (detected)"), iris::toString);

        LabeledDataset data = iris.label(-1).classNames("setosa", "versicolor", "virginica").classification();
        assertArrayEquals(new long[] {150, 4}, data.features().shape());
        assertArrayEquals(new int[] {50, 50, 50}, data.classCounts());
        assertEquals("setosa", data.className(0));
        assertEquals(5.1f, data.features().getFloat(0, 0), 1e-6);
    }

    @RequiresDataset(SKLEARN)
    @Test
    void sklearnBreastCancerTitleLineHasOtherFieldCount() {
        LabeledDataset data = TabularData.load(SklearnData.file("breast_cancer.csv")).label(30)
                .classNames(List.of("malignant", "benign")).classification();

        assertArrayEquals(new long[] {569, 30}, data.features().shape());
        assertArrayEquals(new int[] {212, 357}, data.classCounts());
    }

    @RequiresDataset(SKLEARN)
    @Test
    void sklearnBostonHasATitleLineThenAQuotedHeader() {
        TabularData boston = TabularData.load(SklearnData.file("boston_house_prices.csv"));

        assertEquals("CRIM", boston.table().columnNames().get(0));
        assertEquals(506, boston.table().rowCount());
        LabeledDataset prices = boston.label("MEDV").regression();
        assertArrayEquals(new long[] {506, 13}, prices.features().shape());
        assertEquals(24.0f, prices.labels().getFloat(0, 0), 1e-6);
    }

    @RequiresDataset(SKLEARN)
    @Test
    void sklearnGzippedDigitsAreRead() {
        LabeledDataset digits = TabularData.load(SklearnData.file("digits.csv.gz")).label(-1).classification();

        assertArrayEquals(new long[] {1797, 64}, digits.features().shape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), digits.classNames());
    }

    @RequiresDataset(SKLEARN)
    @Test
    void sklearnDiabetesIsGzippedAndSpaceDelimited() {
        TabularData diabetes = TabularData.load(SklearnData.file("diabetes_data_raw.csv.gz"));

        assertEquals(442, diabetes.table().rowCount());
        assertEquals(10, diabetes.table().columnCount());
        assertTrue(diabetes.toString().contains("delimiter space (detected)"), diabetes::toString);
    }

    @Test
    void semicolonsWithAHeaderAreDetected() throws IOException {
        Path csv = write("scores.csv", "name;height;weight;class\nann;1.70;60;b\nbob;1.82;81;a\ncy;1.65;55;b\ndee;1.90;92;a\n");

        LabeledDataset data = TabularData.load(csv).label("class").classification();

        assertArrayEquals(new long[] {4, 2}, data.features().shape());
        assertEquals(List.of("a", "b"), data.classNames());
    }

    @Test
    void gzippedTabsWithoutHeaderAreDetectedWhateverTheName() throws IOException {
        Path csv = dir.resolve("values.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(csv))) {
            out.write("1.5\t2\t0\n2.5\t3\t1\n3.5\t1\t0\n0.5\t7\t1\n".getBytes(StandardCharsets.UTF_8));
        }

        TabularData table = TabularData.load(csv);

        assertEquals(4, table.table().rowCount(), table::toString);
        assertEquals(3.5, table.table().numberColumn("C0").getDouble(2), 1e-12);
        assertTrue(table.toString().contains("delimiter tab (detected), no header (detected)"), table::toString);
    }

    @RequiresDataset(FASHION_MNIST)
    @Test
    void aGzippedCsvOfSmallImagesWithATitleLineIsRead() throws IOException {
        LabeledDataset images = FashionMnist.load().test().limit(50);
        float[] pixels = images.features().reshape(50L * 784).mul(255).toFloatVector();
        StringBuilder text = new StringBuilder("Fashion-MNIST test images, 50 rows\nlabel");
        for (int p = 0; p < 784; p++) {
            text.append(";p").append(p);
        }
        for (int i = 0; i < 50; i++) {
            text.append('\n').append(images.classIndex(i));
            for (int p = 0; p < 784; p++) {
                text.append(';').append(Math.round(pixels[i * 784 + p]));
            }
        }
        Path csv = dir.resolve("fashion.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(csv))) {
            out.write(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }

        LabeledDataset read = TabularData.load(csv).label("label").classification();

        assertEquals(50, read.size());
        assertArrayEquals(new long[] {784}, read.exampleShape());
        for (int i = 0; i < 50; i++) {
            assertEquals(String.valueOf(images.classIndex(i)), read.className(i));
        }
        assertEquals(Math.round(pixels[49 * 784 + 400]), read.features().getDouble(49, 400), 1e-9);
    }

    @Test
    void optionsOverrideDetection() throws IOException {
        Path csv = write("pipes.txt", "exported 2026-12-01\nrows: 3\n1|2|x\n3|4|y\n5|6|x\n");

        TabularData table = TabularData.csv(csv).skipLines(2).header(false).delimiter('|').load();

        assertEquals(3, table.table().rowCount());
        assertEquals(List.of("x", "y"), table.label(2).classification().classNames());
        assertTrue(table.toString().contains("delimiter '|', no header, 2 lines skipped"), table::toString);
    }

    @Test
    void headerCanBeForced() throws IOException {
        Path csv = write("numbers.csv", "1,2,3\n4,5,6\n7,8,9\n");

        Table table = TabularData.csv(csv).header(true).load().table();

        assertEquals(List.of("1", "2", "3"), table.columnNames());
        assertEquals(2, table.rowCount());
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nowhere/iris.csv");

        DataNotFoundException e = assertThrows(DataNotFoundException.class, () -> TabularData.load(missing));

        assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e::getMessage);
    }

    @Test
    void raggedRowNamesItsLine() throws IOException {
        Path csv = write("ragged.csv", "a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n11,12,13\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularData.load(csv));

        assertTrue(e.getMessage().contains("line 4 has 4 fields, but line 1 (the header) has 3") && e.getMessage().contains("7,8,9,10"),
                e::getMessage);
    }

    @Test
    void nonNumericFeatureNamesColumnRowAndLine() throws IOException {
        Path csv = write("gaps.csv", "x,y,label\n1.0,2.0,a\n1.5,?,b\n2.0,3.5,a\n2.5,4.0,b\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TabularData.load(csv).label("label").classification());

        assertTrue(e.getMessage().contains("'y'") && e.getMessage().contains("row 1 (line 3 of gaps.csv) holds '?'"), e::getMessage);
    }

    @RequiresDataset(SKLEARN)
    @Test
    void unknownLabelColumnListsTheColumns() {
        TabularData iris = TabularData.load(SklearnData.file("iris.csv"));

        IllegalArgumentException byName = assertThrows(IllegalArgumentException.class, () -> iris.label("species"));
        IllegalArgumentException byIndex = assertThrows(IllegalArgumentException.class, () -> iris.label(5));

        assertTrue(byName.getMessage().contains("'species'") && byName.getMessage().contains("C4 (INTEGER)"), byName::getMessage);
        assertTrue(byIndex.getMessage().contains("index 5") && byIndex.getMessage().contains("0..4"), byIndex::getMessage);
    }

    @RequiresDataset(SKLEARN)
    @Test
    void classNumberOutsideTheClassNamesIsNamed() {
        TabularData wine = TabularData.load(SklearnData.file("wine_data.csv")).label(-1).classNames("class_0", "class_1");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, wine::classification);

        assertTrue(e.getMessage().contains("holds '2'") && e.getMessage().contains("line 132 of wine_data.csv"), e::getMessage);
    }

    @Test
    void zipArchiveIsNotReadAsText() throws IOException {
        Path xlsx = dir.resolve("book.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(xlsx))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("sheet1.xml"));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
        }

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TabularData.load(xlsx));

        assertTrue(e.getMessage().contains("ZIP archive") && e.getMessage().contains("save it as CSV"), e::getMessage);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
