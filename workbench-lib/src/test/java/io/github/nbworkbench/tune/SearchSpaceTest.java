package io.github.nbworkbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    private static SearchSpace space() {
        return SearchSpace.builder()
                .logRange("learningRate", 1e-4, 1e-1)
                .intRange("width", 32, 256)
                .choice("batchSize", 32, 64, 128)
                .flag("dropout")
                .range("dropoutRate", 0.1, 0.5).when("dropout", true)
                .build();
    }

    @Test
    void samplesStayInTheirRangesAndALogRangeIsUniformInItsLogarithm() {
        Random random = new Random(3);
        double[] rates = new double[4000];
        for (int i = 0; i < rates.length; i++) {
            Params trial = space().sample(random);
            rates[i] = trial.real("learningRate");
            assertTrue(rates[i] >= 1e-4 && rates[i] < 1e-1, trial.toString());
            assertTrue(trial.integer("width") >= 32 && trial.integer("width") <= 256, trial.toString());
            assertTrue(List.of(32, 64, 128).contains(trial.integer("batchSize")), trial.toString());
        }
        Arrays.sort(rates);
        // uniform in the logarithm: the median sits at the geometric mean of the ends, 3.2e-3 (linear: 5e-2)
        double median = rates[rates.length / 2];
        assertTrue(median > 2.5e-3 && median < 4e-3, "median learning rate " + median);
        long belowOneThousandth = Arrays.stream(rates).filter(rate -> rate < 1e-3).count();
        assertEquals(1.0 / 3, belowOneThousandth / (double) rates.length, 0.03, "a third of the decades lies below 1e-3");
    }

    @Test
    void aConditionalParameterExistsExactlyWhenItsConditionHolds() {
        Random random = new Random(5);
        int withDropout = 0;
        for (int i = 0; i < 500; i++) {
            Params trial = space().sample(random);
            assertEquals(trial.flag("dropout"), trial.has("dropoutRate"), trial.toString());
            withDropout += trial.flag("dropout") ? 1 : 0;
        }
        assertTrue(withDropout > 200 && withDropout < 300, withDropout + " of 500 with dropout");
        Params without = IntStream.range(0, 50).mapToObj(i -> space().sample(new Random(i))).filter(p -> !p.flag("dropout"))
                .findFirst().orElseThrow();
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class, () -> without.real("dropoutRate"));
        assertTrue(absent.getMessage().startsWith("This trial has no parameter 'dropoutRate'; it has [learningRate, width, batchSize, dropout]"),
                absent.getMessage());
    }

    @Test
    void theSameSeedDrawsTheSameTrials() {
        List<Params> first = IntStream.range(0, 20).mapToObj(i -> space().sample(new Random(i))).toList();
        List<Params> again = IntStream.range(0, 20).mapToObj(i -> space().sample(new Random(i))).toList();
        assertEquals(first, again);
        assertFalse(first.get(0).equals(first.get(1)));
    }

    @Test
    void aGridIsTheCrossProductWithConditionsRespected() {
        List<Params> grid = space().grid(3);
        // 3 rates x 3 widths x 3 batch sizes x (dropout on: 3 rates + off: 1) = 27 x 4
        assertEquals(108, grid.size());
        double[] rates = grid.stream().mapToDouble(p -> p.real("learningRate")).sorted().distinct().toArray();
        assertEquals(3, rates.length);
        assertEquals(1e-4, rates[0], 1e-12);
        assertEquals(Math.sqrt(1e-4 * 1e-1), rates[1], 1e-12);   // the middle of a log range: the geometric mean
        assertEquals(1e-1, rates[2], 1e-12);
        assertEquals(List.of(32, 144, 256), grid.stream().map(p -> p.integer("width")).distinct().sorted().toList());
        assertTrue(grid.stream().allMatch(p -> p.flag("dropout") == p.has("dropoutRate")));
        assertEquals(grid.size(), grid.stream().distinct().count(), "no combination twice");
    }

    @Test
    void badSpacesAreRefusedSayingWhatToChange() {
        assertMessage("A search space needs at least one parameter", () -> SearchSpace.builder().build());
        assertMessage("The range of 'lr' runs from 0.1 to 0.001: the minimum must not exceed the maximum",
                () -> SearchSpace.builder().logRange("lr", 0.1, 0.001));
        assertMessage("The log range of 'lr' [0.0, 0.1] must lie above 0",
                () -> SearchSpace.builder().logRange("lr", 0, 0.1));
        assertMessage("The log range of 'width' [-8.0, 64.0] must lie above 0",
                () -> SearchSpace.builder().logIntRange("width", -8, 64));
        assertMessage("The choice 'batchSize' has no values", () -> SearchSpace.builder().choice("batchSize", new int[0]));
        assertMessage("The search space already has a parameter 'lr'",
                () -> SearchSpace.builder().range("lr", 0, 1).range("lr", 0, 2));
        assertMessage("'rate' depends on 'dropout', which is not declared before it; declared: [rate]",
                () -> SearchSpace.builder().range("rate", 0, 1).when("dropout", true));
        assertMessage("'rate' depends on 'optimizer' being sgdd, a value it never takes",
                () -> SearchSpace.builder().choice("optimizer", "adam", "sgd").range("rate", 0, 1).when("optimizer", "sgdd"));
        assertMessage("The range of 'x' needs finite ends", () -> SearchSpace.builder().range("x", 0, Double.POSITIVE_INFINITY));
        assertMessage("A grid needs 1 point per range or more, got 0", () -> space().grid(0));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
        RuntimeException error = assertThrows(RuntimeException.class, call);
        assertTrue(error.getMessage().startsWith(start), error.getMessage());
    }
}
