package io.github.nbworkbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.train.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialLogTest {

    private static final SearchSpace SPACE = SearchSpace.builder()
            .logRange("learningRate", 1e-4, 1e-1)
            .intRange("width", 32, 256)
            .choice("batchSize", 32, 64, 128)
            .choice("optimizer", "adam", "sgd")
            .flag("dropout")
            .range("dropoutRate", 0.1, 0.5).when("dropout", true)
            .build();

    @Test
    void trialsReadBackExactlyWithTheirTypesInOrder(@TempDir Path folder) {
        TrialLog log = TrialLog.of(folder.resolve("search"), SPACE);
        assertEquals(List.of(), log.trials(), "no folder yet: no trials");
        Random random = new Random(11);
        List<Trial> written = List.of(
                new Trial(0, SPACE.sample(random), 0.9123456789012345, 5, 12.5, Trial.Outcome.COMPLETED, null),
                new Trial(1, SPACE.sample(random), Double.NaN, 0, 0.25, Trial.Outcome.FAILED, "IllegalStateException: out of memory"),
                new Trial(2, SPACE.sample(random), 0.5, 2, 3.0, Trial.Outcome.STOPPED_EARLY, null));
        History history = History.of(List.of(), true);
        history.append(1, Map.of(History.LOSS, 0.7, History.VALIDATION_LOSS, 0.8));
        for (int i = written.size() - 1; i >= 0; i--) {  // written out of order, read back by number
            Trial trial = written.get(i);
            log.record(trial, trial.outcome() == Trial.Outcome.FAILED ? null : history);
        }

        List<Trial> read = TrialLog.of(folder.resolve("search"), SPACE).trials();

        assertEquals(written.size(), read.size());
        for (int i = 0; i < written.size(); i++) {
            Trial expected = written.get(i);
            Trial actual = read.get(i);
            assertEquals(expected.params(), actual.params(), "types and bits of every value");
            assertEquals(Double.doubleToLongBits(expected.objective()), Double.doubleToLongBits(actual.objective()));
            assertEquals(expected, actual);
        }
        assertTrue(read.get(0).params().values().get("width") instanceof Integer);
        assertTrue(Files.exists(folder.resolve("search/trial-0000-history.csv")));
    }

    @Test
    void aFolderOfAnotherSearchIsRefusedNamingTheFile(@TempDir Path folder) {
        SearchSpace other = SearchSpace.builder().range("momentum", 0.5, 0.99).build();
        TrialLog.of(folder, other).record(new Trial(0, other.sample(new Random(1)), 0.1, 1, 1, Trial.Outcome.COMPLETED, null), null);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TrialLog.of(folder, SPACE).trials());

        assertTrue(error.getMessage().contains("trial-0000.json is not a trial of this search ('momentum' is not a parameter of "
                + "this search space [learningRate, width, batchSize, optimizer, dropout, dropoutRate])"), error.getMessage());
        assertTrue(error.getMessage().endsWith("give the search a folder of its own"), error.getMessage());
    }
}
