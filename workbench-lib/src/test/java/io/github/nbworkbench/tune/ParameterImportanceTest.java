package io.github.nbworkbench.tune;

import static io.github.nbworkbench.tune.FinishedTrials.SPACE;
import static io.github.nbworkbench.tune.FinishedTrials.completed;
import static io.github.nbworkbench.tune.FinishedTrials.failed;
import static io.github.nbworkbench.tune.FinishedTrials.stoppedEarly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.train.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ParameterImportanceTest {

    /** Completed trials sampled from the space, their objective a function of their parameters. */
    private static List<Trial> search(int count, ToDoubleFunction<Params> objective) {
        Random random = new Random(5);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Params params = SPACE.sample(random);
            trials.add(new Trial(i, params, objective.applyAsDouble(params), 6, 10, Trial.Outcome.COMPLETED, null));
        }
        return trials;
    }

    @Test
    void aRangeThatDeterminesTheObjectiveRanksFirstAndTheOthersGetLittle() {
        List<Trial> trials = search(40, params -> -Math.log10(params.real("learningRate")) / 4);

        ParameterImportance importance = ParameterImportance.of(trials, SPACE, Mode.MIN);

        assertEquals("learningRate", importance.ranking().get(0));
        assertTrue(importance.share("learningRate") > 0.8, importance.toString());
        assertTrue(importance.share("width") < 0.1, importance.toString());
        assertEquals(1, importance.ranking().stream().mapToDouble(importance::share).sum(), 1e-12);
        String best = importance.table().stringColumn("best").get(0);
        assertTrue(Double.parseDouble(best.substring(best.indexOf(" .. ") + 4)) > 0.09, "lower is better: the highest bin, up to about 0.1: " + best);
    }

    @Test
    void aChoiceThatDeterminesTheObjectiveRanksFirstWithItsBestValue() {
        List<Trial> trials = search(30, params -> params.text("optimizer").equals("sgd") ? 0.9 : 0.7);

        ParameterImportance forAccuracy = ParameterImportance.of(trials, SPACE, Mode.MAX);
        ParameterImportance forLoss = ParameterImportance.of(trials, SPACE, Mode.MIN);

        assertEquals("optimizer", forAccuracy.ranking().get(0));
        assertTrue(forAccuracy.share("optimizer") > 0.8, forAccuracy.toString());
        Table table = forAccuracy.table();
        assertEquals(List.of("parameter", "importance", "trials", "best"), table.columnNames());
        assertEquals("sgd", table.stringColumn("best").get(0));
        assertEquals("adam", forLoss.table().stringColumn("best").get(0), "lower is better: the first of the two equal ones");
        for (int row = 1; row < table.rowCount(); row++) {
            assertTrue(table.doubleColumn("importance").get(row) <= table.doubleColumn("importance").get(row - 1), "sorted");
        }
    }

    @Test
    void aParameterStillRanksFirstThroughNoise() {
        Random noise = new Random(3);
        List<Trial> trials = search(40, params -> params.integer("width") / 10.0 + noise.nextGaussian());

        ParameterImportance importance = ParameterImportance.of(trials, SPACE, Mode.MAX);

        assertEquals("width", importance.ranking().get(0));
        assertTrue(importance.share("width") > 0.8, importance.toString());
    }

    @Test
    void aConditionalParameterIsJudgedOnTheTrialsThatHaveIt() {
        List<Trial> trials = search(40, params -> params.has("dropoutRate") ? params.real("dropoutRate") : 0.3);
        long withDropout = trials.stream().filter(trial -> trial.params().has("dropoutRate")).count();

        ParameterImportance importance = ParameterImportance.of(trials, SPACE, Mode.MAX);

        assertEquals("dropoutRate", importance.ranking().get(0));
        Table table = importance.table();
        assertEquals((int) withDropout, table.intColumn("trials").get(0));
        assertEquals(40, table.intColumn("trials").get(1));
    }

    @Test
    void aConstantObjectiveGivesEveryParameterNothing() {
        ParameterImportance importance = ParameterImportance.of(search(10, params -> 0.5), SPACE, Mode.MAX);

        assertTrue(importance.ranking().stream().allMatch(name -> importance.share(name) == 0), importance.toString());
        assertEquals(List.of("learningRate", "width", "optimizer", "dropout", "dropoutRate"), importance.ranking(), "declared order among equals");
    }

    @Test
    void fewerThanThreeCompletedTrialsAreRefusedSayingHowMany() {
        List<Trial> trials = List.of(completed(0, 0.8, 1e-3, 32, "adam", Double.NaN), completed(1, 0.9, 1e-2, 64, "sgd", Double.NaN),
                stoppedEarly(2, 0.5, 1e-4, 16, "adam", Double.NaN), failed(3, 1e-1, 16, "sgd", Double.NaN));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ParameterImportance.of(trials, SPACE, Mode.MAX));

        assertEquals("Parameter importance needs at least 3 completed trials, this search has 2 (of 4 trials, 1 stopped early and 1 failed); "
                + "run more trials", error.getMessage());
    }

    @Test
    void autoModeIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ParameterImportance.of(search(5, params -> 1), SPACE, Mode.AUTO));

        assertTrue(error.getMessage().contains("Mode.AUTO.resolve(objective)"), error.getMessage());
    }

    @Test
    void anUnknownParameterIsNamedWithTheKnownOnes() {
        ParameterImportance importance = ParameterImportance.of(search(5, params -> params.real("learningRate")), SPACE, Mode.MAX);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> importance.share("momentum"));

        assertTrue(error.getMessage().contains("No parameter 'momentum'"), error.getMessage());
    }
}
