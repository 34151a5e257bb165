package io.github.nbworkbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.results.RunCard;
import io.github.nbworkbench.testdata.Dataset;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Mode;
import io.github.nbworkbench.train.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

@RequiresDataset(Dataset.SKLEARN)
class TunerTest {

    private static final SearchSpace SPACE = SearchSpace.builder()
            .logRange("lr", 1e-4, 0.3)
            .logIntRange("width", 4, 64)
            .choice("batch", 32, 128)
            .build();

    @TempDir
    Path folder;

    private static Tuner tuner() {
        return Tuner.of(SPACE).objective(Digits.OBJECTIVE, Mode.MAX).epochs(3).seed(11).quiet();
    }

    @Test
    void randomSearchTrainsEachTrialWithItsOwnSeededParameters() {
        SearchResult result = tuner().trials(5).search(Digits::train);

        assertEquals(5, result.trials().size());
        for (Trial trial : result.trials()) {
            assertEquals(SPACE.sample(new Random(Seeds.derive(11, trial.number()))), trial.params());
            assertEquals(Trial.Outcome.COMPLETED, trial.outcome());
            assertEquals(3, trial.epochs());
            History history = result.history(trial.number()).orElseThrow();
            assertEquals(history.doubleColumn(Digits.OBJECTIVE).max(), trial.objective());
        }
        assertTrue(result.best().objective() > 0.85, result.toString());
        assertEquals("ran its 5 trials", result.endReason());

        Table table = result.table();
        assertEquals(List.of("trial", "lr", "width", "batch", Digits.OBJECTIVE, "epochs", "seconds", "outcome", "reason"), table.columnNames());
        assertEquals(result.best().number(), table.intColumn("trial").getInt(0));
        double[] objectives = table.doubleColumn(Digits.OBJECTIVE).asDoubleArray();
        for (int i = 1; i < objectives.length; i++) {
            assertTrue(objectives[i - 1] >= objectives[i], "best first: " + table);
        }
    }

    @Test
    void gridTriesEveryCombinationOnce() {
        SearchSpace space = SearchSpace.builder().choice("lr", 0.001, 0.01).choice("width", 8, 32).build();
        SearchResult result = Tuner.of(space).objective(Digits.OBJECTIVE, Mode.MAX).epochs(1).sampler(Sampler.grid(3)).quiet()
                .search(Digits::train);

        assertEquals(space.grid(3), result.trials().stream().map(Trial::params).toList());
        assertEquals("tried all 4 combinations of the grid", result.endReason());
    }

    @Test
    void aResumedSearchEndsAsOneThatNeverStopped() {
        SearchResult whole = searchWithPruning(folder.resolve("whole")).search(Digits::train);

        Path stopped = folder.resolve("stopped");
        AssertionError crash = assertThrows(AssertionError.class, () -> searchWithPruning(stopped).search(trial -> {
            if (trial.number() == 3) {
                throw new AssertionError("the kernel died");
            }
            return Digits.train(trial);
        }));
        assertEquals("the kernel died", crash.getMessage());
        assertEquals(3, TrialLog.of(stopped, SPACE).trials().size());

        SearchInterruptedException interrupted = assertThrows(SearchInterruptedException.class, () -> searchWithPruning(stopped).search(trial -> {
            if (trial.number() == 5) {
                Thread.currentThread().interrupt(); // the notebook's stop button, during the trial
            }
            return Digits.train(trial);
        }));
        assertTrue(Thread.interrupted());
        assertTrue(interrupted.getMessage().startsWith("The search was interrupted during trial 5; 5 finished trials are kept in "),
                interrupted.getMessage());
        assertEquals(5, TrialLog.of(stopped, SPACE).trials().size());

        SearchResult resumed = searchWithPruning(stopped).search(Digits::train);

        assertEquals(whole.trials().size(), resumed.trials().size());
        for (int i = 0; i < whole.trials().size(); i++) {
            Trial expected = whole.trials().get(i);
            Trial actual = resumed.trials().get(i);
            assertEquals(expected.params(), actual.params());
            assertEquals(Double.doubleToLongBits(expected.objective()), Double.doubleToLongBits(actual.objective()), "trial " + i);
            assertEquals(expected.epochs(), actual.epochs());
            assertEquals(expected.outcome(), actual.outcome());
            assertEquals(expected.reason(), actual.reason());
        }
        assertTrue(whole.trials().stream().anyMatch(Trial::pruned), "the pruner took part: " + whole.table());
        assertEquals(whole.best().number(), resumed.best().number());
    }

    private static Tuner searchWithPruning(Path folder) {
        return tuner().sampler(new TpeSampler(3)).pruner(Pruner.successiveHalving(1, 2)).trials(8).folder(folder);
    }

    @Test
    void aFolderOfAnotherSearchIsRefused() {
        tuner().trials(1).folder(folder).search(Digits::train);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> tuner().seed(12).trials(2).folder(folder).search(Digits::train));
        assertEquals(folder + " holds another search (seed was 11, now 12): give this search a folder of its own, "
                + "or the settings of the one it resumes", refused.getMessage());
    }

    @Test
    void aTrialThatThrowsIsRecordedAsFailedAndTheSearchGoesOn() {
        SearchResult result = tuner().trials(3).folder(folder).search(trial -> {
            if (trial.number() == 1) {
                throw new IllegalStateException("out of memory for width " + trial.params().integer("width"));
            }
            return Digits.train(trial);
        });

        Trial failed = result.trials().get(1);
        assertEquals(Trial.Outcome.FAILED, failed.outcome());
        assertTrue(Double.isNaN(failed.objective()));
        assertEquals("IllegalStateException: out of memory for width " + failed.params().integer("width"), failed.reason());
        assertEquals(Trial.Outcome.COMPLETED, result.trials().get(2).outcome());
        assertEquals(1, result.table().intColumn("trial").getInt(2), "failed trials last");
        TrialLog log = TrialLog.of(folder, SPACE);
        assertEquals(failed, log.trials().get(1));
        assertTrue(log.runCard(1).isEmpty(), "a trial that never trained has no run card");
        RunCard card = log.runCard(0).orElseThrow();
        Trial first = result.trials().get(0);
        assertEquals(Seeds.derive(11, 0), card.seed());
        assertEquals(first.params().toString(), card.field("notes", "parameters"));
        assertEquals("COMPLETED", card.field("notes", "outcome"));
        History history = result.history(0).orElseThrow();
        assertEquals(history.value(Digits.OBJECTIVE, history.lastEpoch()), card.finalMetrics().get(Digits.OBJECTIVE), "the last epoch's");
        int width = first.params().integer("width");
        assertEquals(Long.toString(64L * width + width + width * 10L + 10), card.field("model", "parameters"));
    }

    @Test
    void aTrialFunctionThatAlwaysFailsEndsTheSearchAfterFiveFailuresInARow() {
        IllegalStateException stopped = assertThrows(IllegalStateException.class, () -> tuner().epochBudget(30).folder(folder)
                .search(trial -> {
                    throw new IllegalArgumentException("no such file: digits.csv");
                }));
        assertEquals("5 trials in a row failed, the last with: IllegalArgumentException: no such file: digits.csv. A search goes on "
                + "past a failed trial, but not past this many: fix the trial function and run the search again (the failed trials "
                + "stay in " + folder + ")", stopped.getMessage());
        assertEquals(5, TrialLog.of(folder, SPACE).trials().size(), "failed trials spend no epochs: without the limit it never ends");
    }

    @Test
    void anObjectiveNoMetricProducesIsRefusedBeforeAnyTrialIsRecorded() throws Exception {
        ObjectiveNotRecordedException refused = assertThrows(ObjectiveNotRecordedException.class, () -> Tuner.of(SPACE)
                .objective("val_acc", Mode.MAX).folder(folder).quiet().search(Digits::train));
        assertEquals("The search's objective 'val_acc' is not recorded by the trial's training; it records [loss, val_loss, accuracy, "
                + "val_accuracy, lr, seconds, samples_per_s]. Did you mean 'val_accuracy'?", refused.getMessage());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("search.json"), files.map(file -> file.getFileName().toString()).toList());
        }

        IllegalStateException noObjective = assertThrows(IllegalStateException.class, () -> Tuner.of(SPACE).search(Digits::train));
        assertTrue(noObjective.getMessage().startsWith("The search needs an objective"), noObjective.getMessage());
    }

    @Test
    void aTrialMustTrainThroughTheTrialsTrainer() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> tuner().trials(1).search(trial -> History.of(List.of(), true)));
        assertTrue(refused.getMessage().startsWith("Trial 0 did not train through trial.trainer(model)"), refused.getMessage());
    }

    @Test
    void theEpochBudgetEndsTheSearchAndShortensItsLastTrial() {
        SearchResult result = tuner().epochBudget(7).search(Digits::train);

        assertEquals(List.of(3, 3, 1), result.trials().stream().map(Trial::epochs).toList());
        assertEquals(7, result.totalEpochs());
        Trial last = result.trials().get(2);
        assertEquals(Trial.Outcome.STOPPED_EARLY, last.outcome());
        assertEquals("the search's epoch budget ran out after 1 epochs", last.reason());
        assertEquals("trained its budget of 7 epochs", result.endReason());
    }

    @Test
    void theEstimateTimesTheFirstConfigurationsAndMultipliesByTheBudget() {
        SearchEstimate estimate = tuner().trials(6).estimate(Digits::train);

        assertEquals(3, estimate.measured().size());
        for (int i = 0; i < 3; i++) {
            SearchEstimate.Measurement measured = estimate.measured().get(i);
            assertEquals(SPACE.sample(new Random(Seeds.derive(11, i))), measured.params());
            assertEquals((600 + measured.params().integer("batch") - 1) / measured.params().integer("batch"), measured.stepsPerEpoch());
            assertTrue(measured.secondsPerStep() > 0 && measured.secondsPerStep() < 1, measured.toString());
            int width = measured.params().integer("width");
            assertEquals(64L * width + width + width * 10L + 10, measured.parameters());
        }
        assertEquals(18, estimate.epochs());
        assertEquals(Math.round(estimate.secondsPerEpoch() * 18 * 1000), estimate.duration().toMillis());
        assertTrue(estimate.toString().startsWith("About "), estimate.toString());
        assertEquals(3, estimate.table().rowCount());
        assertEquals(0, TrialLog.of(folder, SPACE).trials().size(), "nothing recorded");

        SearchEstimate pruned = tuner().pruner(Pruner.hyperband(1, 3)).timeBudget(java.time.Duration.ofMillis(1)).estimate(Digits::train);
        assertEquals(java.time.Duration.ofMillis(1), pruned.duration());
        assertTrue(pruned.toString().startsWith("At most "), pruned.toString());

        SearchSpace smallBatches = SearchSpace.builder().logRange("lr", 1e-3, 1e-2).choice("batch", 16).build();
        SearchEstimate midEpoch = Tuner.of(smallBatches).objective(Digits.OBJECTIVE, Mode.MAX).epochs(2).quiet().estimate(Digits::train);
        assertEquals(38, midEpoch.measured().get(0).stepsPerEpoch(), "timed in epoch 1, stopped after 13 of its 38 steps");

        assertThrows(ObjectiveNotRecordedException.class,
                () -> Tuner.of(SPACE).objective("val_f1", Mode.MAX).quiet().estimate(Digits::train));
    }
}
