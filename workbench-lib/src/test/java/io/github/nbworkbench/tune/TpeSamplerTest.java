package io.github.nbworkbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.testdata.Dataset;
import io.github.nbworkbench.testdata.RequiresDataset;
import io.github.nbworkbench.train.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

    private static final SearchSpace SPACE = SearchSpace.builder()
            .logRange("lr", 1e-5, 1.0)
            .logIntRange("width", 4, 128)
            .choice("batch", 16, 64, 256)
            .flag("dropout")
            .range("dropoutRate", 0.1, 0.6).when("dropout", true)
            .build();

    @Test
    void itsProposalsKeepEachParametersTypeRangeAndCondition() {
        List<Trial> finished = new ArrayList<>();
        Random objectives = new Random(3);
        for (int number = 0; number < 30; number++) {
            Params params = Sampler.tpe().propose(SPACE, number, finished, Mode.MAX, new Random(number)).orElseThrow();
            double lr = params.real("lr");
            assertTrue(lr >= 1e-5 && lr <= 1.0, params.toString());
            int width = params.integer("width");
            assertTrue(width >= 4 && width <= 128, params.toString());
            assertTrue(List.of(16, 64, 256).contains(params.integer("batch")), params.toString());
            assertEquals(params.flag("dropout"), params.has("dropoutRate"), params.toString());
            finished.add(new Trial(number, params, objectives.nextDouble(), 1, 1, Trial.Outcome.COMPLETED, null));
        }
    }

    @Test
    void afterItsStartUpTrialsItDrawsNearTheGoodOnes() {
        SearchSpace space = SearchSpace.builder().range("x", 0, 1).build();
        List<Trial> finished = new ArrayList<>();
        for (int number = 0; number < 40; number++) {
            Params params = Sampler.tpe().propose(space, number, finished, Mode.MIN, new Random(number)).orElseThrow();
            double x = params.real("x");
            finished.add(new Trial(number, params, Math.abs(x - 0.3), 1, 1, Trial.Outcome.COMPLETED, null));
        }
        double lateDistance = finished.subList(20, 40).stream().mapToDouble(Trial::objective).average().orElseThrow();
        assertTrue(lateDistance < 0.1, "uniform draws are 0.29 from 0.3 on average; TPE's late ones " + lateDistance);
    }

    /**
     * Four searches of 14 trials each way on scikit-learn's digits, over a space where most learning
     * rates are poor: TPE's best is better on average, and its trials after the start-up ones are
     * better on average than random search's.
     */
    @Test
    @RequiresDataset(Dataset.SKLEARN)
    void itBeatsRandomSearchOnTheSameBudgetOnRealData() {
        SearchSpace space = SearchSpace.builder().logRange("lr", 1e-5, 1.0).logIntRange("width", 4, 128).build();
        double[] randomBest = new double[4];
        double[] tpeBest = new double[4];
        double randomLater = 0;
        double tpeLater = 0;
        for (int seed = 0; seed < 4; seed++) {
            SearchResult random = search(space, Sampler.random(), seed);
            SearchResult tpe = search(space, Sampler.tpe(), seed);
            randomBest[seed] = random.best().objective();
            tpeBest[seed] = tpe.best().objective();
            randomLater += laterMean(random);
            tpeLater += laterMean(tpe);
        }
        double randomMean = IntStream.range(0, 4).mapToDouble(i -> randomBest[i]).average().orElseThrow();
        double tpeMean = IntStream.range(0, 4).mapToDouble(i -> tpeBest[i]).average().orElseThrow();
        String figures = String.format("best val_accuracy random %s (mean %.4f), TPE %s (mean %.4f); mean of trials 5-13: random %.4f, TPE %.4f",
                java.util.Arrays.toString(randomBest), randomMean, java.util.Arrays.toString(tpeBest), tpeMean, randomLater / 4, tpeLater / 4);
        System.out.println(figures);
        assertTrue(tpeMean > randomMean, figures);
        assertTrue(tpeLater > randomLater + 4 * 0.05, figures);
    }

    private static SearchResult search(SearchSpace space, Sampler sampler, long seed) {
        return Tuner.of(space).objective(Digits.OBJECTIVE, Mode.MAX).sampler(sampler).epochs(2).trials(14).seed(seed).quiet().search(Digits::train);
    }

    private static double laterMean(SearchResult result) {
        return result.trials().subList(TpeSampler.STARTUP_TRIALS, result.trials().size()).stream()
                .mapToDouble(Trial::objective).average().orElseThrow();
    }
}
