package io.github.nbworkbench.results;

import static io.github.nbworkbench.testdata.Dataset.FASHION_MNIST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.LabeledDataset;
import io.github.nbworkbench.deploy.Granularity;
import io.github.nbworkbench.deploy.Int8Quantizer;
import io.github.nbworkbench.deploy.QuantizedModel;
import io.github.nbworkbench.eval.ClassificationReport;
import io.github.nbworkbench.eval.Predictions;
import io.github.nbworkbench.models.Cnns;
import io.github.nbworkbench.models.Rnns;
import io.github.nbworkbench.plot.LearningCurves;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.EarlyStopping;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Metric;
import io.github.nbworkbench.train.Mode;
import io.github.nbworkbench.text.CharVocabulary;
import io.github.nbworkbench.text.LanguageModel;
import io.github.nbworkbench.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

@RequiresDataset(FASHION_MNIST)
class RunExportTest {

    private static LabeledDataset train;
    private static LabeledDataset test;
    private static MultiLayerNetwork net;
    private static History history;

    @TempDir
    Path folder;

    @BeforeAll
    static void trainASmallCnn() {
        train = FashionMnist.load().train().limit(640);
        test = FashionMnist.load().test().limit(200);
        net = Cnns.classic(train);
        history = Trainer.of(net).epochs(2).quiet().seed(7).validation(test.batchSize(100).iterator()).metrics(Metric.ACCURACY)
                .fit(train.batchSize(64).shuffle(7).iterator());
    }

    @Test
    void oneCallWritesTablesChartsModelAndRunCardThatLoadBack() throws IOException {
        Table report = ClassificationReport.of(Predictions.of(net, test.batchSize(100).iterator())).table();
        RunCard card = RunCard.builder().seed(7).data("Fashion-MNIST, 640 training images", train).model(net).history(history)
                .metric("test_accuracy", 0.5).note("purpose", "a test").build();

        Path run = RunExport.of("cnn-baseline").history(history).table("classification", report)
                .chart("loss", LearningCurves.of(history).chart("loss")).withPdf().model(ExportableNetwork.of(net)).card(card).save(folder);

        assertEquals(folder.resolve("cnn-baseline").toAbsolutePath(), run);
        for (String file : List.of("history.csv", "history.json", "tables/classification.csv", "tables/classification.json",
                "charts/loss.png", "charts/loss.svg", "charts/loss.pdf", "model.zip", "run_card.json", "run_card.md")) {
            assertTrue(Files.size(run.resolve(file)) > 0, file);
        }
        assertNotNull(ImageIO.read(run.resolve("charts/loss.png").toFile()));
        assertEquals(2, JsonParser.parseString(Files.readString(run.resolve("history.json"))).getAsJsonArray().size());

        JsonObject json = JsonParser.parseString(Files.readString(run.resolve("run_card.json"), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("cnn-baseline", json.get("run").getAsString());
        assertEquals(7, json.get("seed").getAsLong());
        assertEquals("1.0.0-M2.1", json.getAsJsonObject("versions").get("deeplearning4j").getAsString());
        assertTrue(json.getAsJsonObject("versions").get("java").getAsString().startsWith(System.getProperty("java.version")));
        assertTrue(json.getAsJsonObject("runtime").get("backend").getAsString().startsWith("CPU"));
        assertTrue(json.getAsJsonObject("data").get("hash").getAsString().matches("sha256:[0-9a-f]{64}"));
        assertEquals(net.numParams(), json.getAsJsonObject("model").get("parameters").getAsLong());
        assertTrue(json.getAsJsonObject("model").getAsJsonObject("configuration").has("confs"), "DL4J's configuration JSON");
        assertEquals(2, json.getAsJsonObject("training").get("epochs").getAsInt());
        assertEquals(history.value("val_accuracy", 2), json.getAsJsonObject("final_metrics").get("val_accuracy").getAsDouble(), 0);
        assertTrue(Files.readString(run.resolve("run_card.md")).contains("- test accuracy: 0.5"));

        SavedRun saved = SavedRun.load(run);
        assertEquals("cnn-baseline", saved.name());
        assertEquals(history.value("loss", 2), saved.history().value("loss", 2), 1e-9);
        assertEquals(report.rowCount(), saved.table("classification").rowCount());
        assertEquals(net.output(test.features(), false), saved.network().output(test.features(), false));
        assertEquals(7L, saved.card().seed());
    }

    @Test
    void aNetworkWithItsNormalizerRoundTrips() {
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(train.toDataSet());

        Path run = RunExport.of("with-normalizer").model(ExportableNetwork.of(net, normalizer)).save(folder);

        SavedRun saved = SavedRun.load(run);
        assertEquals(net.output(test.features(), false), saved.network().output(test.features(), false));
        NormalizerStandardize loaded = (NormalizerStandardize) saved.normalizer().orElseThrow();
        assertEquals(normalizer.getMean(), loaded.getMean());
        assertEquals(normalizer.getStd(), loaded.getStd());
    }

    @Test
    void aNetworkWithoutNormalizerRoundTripsWithItsUpdaterState() {
        Path run = RunExport.of("plain").model(ExportableNetwork.of(net)).save(folder);

        SavedRun saved = SavedRun.load(run);
        MultiLayerNetwork loaded = saved.network();
        assertEquals(net.output(test.features(), false), loaded.output(test.features(), false));
        assertEquals(net.getUpdater().getStateViewArray(), loaded.getUpdater().getStateViewArray());
        assertTrue(saved.normalizer().isEmpty());
    }

    @Test
    void aLanguageModelRoundTrips() {
        String text = "Four score and seven years ago our fathers brought forth on this continent a new nation. ";
        CharVocabulary vocabulary = CharVocabulary.of(text);
        LanguageModel model = new LanguageModel(Rnns.charLstm().hiddenSize(16).seed(3).build(vocabulary), vocabulary);

        Path run = RunExport.of("language").model(model).save(folder);

        LanguageModel loaded = LanguageModel.load(run.resolve(RunExport.MODEL));
        assertEquals(vocabulary.size(), loaded.vocabulary().size());
        var input = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, vocabulary.size(), 5);
        assertEquals(model.network().output(input), loaded.network().output(input));
    }

    @Test
    void aQuantizedModelRoundTrips() {
        QuantizedModel quantized = Int8Quantizer.quantize(net, Granularity.PER_CHANNEL);

        Path run = RunExport.of("int8").model(quantized).save(folder);

        QuantizedModel loaded = QuantizedModel.load(run.resolve(RunExport.MODEL));
        assertEquals(quantized.toNetwork().output(test.features(), false), loaded.toNetwork().output(test.features(), false));
    }

    @Test
    void anyExportableModelIsWrittenAsTheRunsModelFile() throws IOException {
        ExportableModel model = file -> {
            try {
                Files.writeString(file, "weights");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        Path run = RunExport.of("custom").model(model).save(folder);

        assertEquals("weights", Files.readString(run.resolve(RunExport.MODEL)));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> RunExport.of("x").model(model).model(model));
        assertTrue(twice.getMessage().contains("one model per run"), twice.getMessage());
    }

    @Test
    void aModelThatFailsToSaveLeavesThePreviousExportIntact() throws IOException {
        Path run = RunExport.of("run").model(ExportableNetwork.of(net)).save(folder);
        byte[] before = Files.readAllBytes(run.resolve(RunExport.MODEL));

        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> RunExport.of("run").model(file -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        }).save(folder));

        assertTrue(failed.getMessage().contains("No space left on device"), failed.getMessage());
        assertArrayEquals(before, Files.readAllBytes(run.resolve(RunExport.MODEL)));
    }

    @Test
    void afterRestoringTheBestWeightsCardAndExportDescribeTheSavedEpoch() throws IOException {
        // validation labels shifted by one class: val_loss rises as the network learns, so the best epoch is an early one
        int[] shifted = test.classIndices().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (shifted[i] + 1) % test.numClasses();
        }
        LabeledDataset wrong = LabeledDataset.classification(test.features(), shifted, test.classNames());
        MultiLayerNetwork restored = Cnns.classic(train);
        History stopped = Trainer.of(restored).epochs(3).quiet().seed(7).validation(wrong.batchSize(100).iterator())
                .callbacks(new EarlyStopping("val_loss").patience(5).restoreBestWeights())
                .fit(train.batchSize(64).shuffle(7).iterator());
        int best = stopped.bestEpoch("val_loss", Mode.MIN);
        assertTrue(best < 3, "the best epoch is not the last: " + best);

        Path run = RunExport.of("restored").history(stopped).model(ExportableNetwork.of(restored)).save(folder);

        JsonObject training = JsonParser.parseString(Files.readString(run.resolve("run_card.json"))).getAsJsonObject().getAsJsonObject("training");
        assertEquals(3, training.get("epochs").getAsInt());
        assertEquals(best, training.get("model_epoch").getAsInt());
        SavedRun saved = SavedRun.load(run);
        assertEquals(stopped.value("val_loss", best), saved.card().finalMetrics().get("val_loss"), 0);
        assertEquals(restored.output(test.features(), false), saved.network().output(test.features(), false));
        Table comparison = SavedRun.loadAll(folder).table();
        assertEquals(best, comparison.intColumn("model_epoch").getInt(0));
        assertEquals(stopped.value("val_loss", best), comparison.doubleColumn("val_loss").getDouble(0), 0);
        Table inMemory = Runs.of("restored", stopped).table();
        assertEquals(best, inMemory.intColumn("model_epoch").getInt(0), "the History in memory knows the restored epoch too");
        assertEquals(stopped.value("val_loss", best) - stopped.value("loss", best), inMemory.doubleColumn("gap").getDouble(0), 1e-12);
        assertTrue(Files.readString(run.resolve("run_card.md")).contains("- model epoch: " + best), Files.readString(run.resolve("run_card.md")));
    }

    @Test
    void runNamesThatCouldLeaveTheFolderAreRefused() {
        Path results = folder.resolve("results");
        for (String name : List.of("../escaped", "/tmp/escaped", "a/b", "..", ".hidden", "", "a\\b")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> RunExport.of(name), name);
            assertTrue(refused.getMessage().contains("not a plain name"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> RunExport.of("ok").table("../table", history));
        assertThrows(IllegalArgumentException.class, () -> RunExport.of("ok").file("sub/file.txt", out -> out.write(1)));
        assertFalse(Files.exists(results));
        assertFalse(Files.exists(folder.resolve("escaped")));
    }

    @Test
    void anExportThatFailsHalfWayLeavesThePreviousResultsIntact() throws IOException {
        RunExport.of("run").history(history).file("notes.txt", out -> out.write("first".getBytes(StandardCharsets.UTF_8))).save(folder);

        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> RunExport.of("run").history(history)
                .file("notes.txt", out -> out.write("second".getBytes(StandardCharsets.UTF_8)))
                .file("weights.bin", out -> {
                    out.write(new byte[4096]);
                    throw new IOException("No space left on device");
                })
                .save(folder));

        assertTrue(failed.getMessage().contains("No space left on device"), failed.getMessage());
        assertTrue(failed.getMessage().contains("previous results"), failed.getMessage());
        assertEquals("first", Files.readString(folder.resolve("run/notes.txt")));
        assertFalse(Files.exists(folder.resolve("run/weights.bin")));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("run"), left.map(path -> path.getFileName().toString()).toList(), "no staging folder is left behind");
        }
    }

    @Test
    void aPlainFileWithTheRunsNameIsRefusedAndKept() throws IOException {
        Path file = Files.writeString(folder.resolve("baseline"), "the user's own notes");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> RunExport.of("baseline").history(history).save(folder));

        assertTrue(refused.getMessage().startsWith("Cannot export the run 'baseline' to " + file.toAbsolutePath() + ": a file of that name is there"),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Move or rename the file, or give the run another name in RunExport.of(...)"), refused.getMessage());
        assertEquals("the user's own notes", Files.readString(file));
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of("baseline"), left.map(path -> path.getFileName().toString()).toList());
        }
    }

    @Test
    void aResultsFolderThatCannotBeCreatedIsRefusedClearly() throws IOException {
        Path file = Files.writeString(folder.resolve("a-file"), "not a folder");

        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> RunExport.of("run").history(history).save(file.resolve("results")));

        assertTrue(refused.getMessage().startsWith("Cannot write results into"), refused.getMessage());
    }

    @Test
    void savedRunsCompareInOneTableAndOneChart() {
        RunExport.of("a").history(history).card(RunCard.builder().seed(1).history(history).build()).save(folder);
        History shorter = Trainer.of(Cnns.classic(train)).epochs(1).quiet().seed(2).validation(test.batchSize(100).iterator())
                .metrics(Metric.ACCURACY).fit(train.batchSize(64).shuffle(2).iterator());
        RunExport.of("b").history(shorter).save(folder);

        Runs runs = SavedRun.loadAll(folder);
        Table comparison = runs.table();

        assertEquals(List.of("a", "b"), comparison.stringColumn("run").asList());
        assertEquals(List.of("1", ""), comparison.stringColumn("seed").asList());
        assertEquals(List.of(2, 1), comparison.intColumn("epochs").asList());
        assertEquals(shorter.value("val_loss", 1), comparison.doubleColumn("val_loss").get(1), 1e-9);
        assertEquals(history.numberColumn("seconds").sum(), comparison.doubleColumn("training_s").get(0), 1e-9);
        assertEquals(shorter.value("val_loss", 1) - shorter.value("loss", 1), comparison.doubleColumn("gap").get(1), 1e-9);
        XYChart chart = runs.chart("val_loss");
        assertEquals(List.of("a", "b"), List.copyOf(chart.getSeriesMap().keySet()).stream().map(s -> s.split(" ")[0]).distinct().toList());
    }

    @Test
    void theSameDataHashesAlikeAndOneChangedPixelDoesNot() {
        LabeledDataset data = test.limit(50);
        String hash = DataHash.of(data);
        assertEquals(hash, DataHash.of(test.limit(50)));
        LabeledDataset changed = data.withFeatures(data.features().dup());
        changed.features().putScalar(new long[] {3, 0, 10, 10}, 0.123);
        assertNotEquals(hash, DataHash.of(changed));
    }

    @Test
    void determinismCheckTrainsTwiceAndComparesTheWeights() {
        DeterminismCheck.Result result = DeterminismCheck.of(() -> Cnns.classic(train), train).batches(3, 32).seed(5).result();

        assertTrue(result.identical(), result.toString());
        assertEquals(0, result.maxDifference());
        assertTrue(result.toString().startsWith("deterministic"), result.toString());
    }
}
