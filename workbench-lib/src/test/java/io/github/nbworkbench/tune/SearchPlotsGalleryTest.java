package io.github.nbworkbench.tune;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.plot.Charts;
import io.github.nbworkbench.train.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders the end-of-search charts of a made-up search of 30 trials to PNG, to look at:
 * {@code -Dplots.dir=/tmp/plots} keeps them there, otherwise they go to a temporary folder.
 */
class SearchPlotsGalleryTest {

    @TempDir
    Path temporary;

    @Test
    void rendersEveryChart() throws IOException {
        Path folder = System.getProperty("plots.dir") == null ? temporary : Path.of(System.getProperty("plots.dir"));
        List<Trial> trials = search();

        save(ObjectivePlot.chart(trials, "val_accuracy", Mode.AUTO), folder, "search-objective.png");
        save(ParallelCoordinatesPlot.chart(trials, FinishedTrials.SPACE, "val_accuracy", Mode.AUTO), folder, "search-parallel.png");
        List<? extends Chart<?, ?>> parameters = ParameterPlot.charts(trials, FinishedTrials.SPACE, "val_accuracy");
        Path grid = Charts.save(Charts.image(parameters, 2), folder.resolve("search-parameters.png"));
        assertTrue(Files.size(grid) > 10_000, grid + " has a picture");
    }

    @Test
    void aSearchOfOneTrialDraws() {
        List<Trial> one = List.of(FinishedTrials.completed(0, 0.9, 1e-3, 32, "adam", Double.NaN));
        List<Chart<?, ?>> charts = new ArrayList<>(ParameterPlot.charts(one, FinishedTrials.SPACE, "val_accuracy"));
        charts.add(ObjectivePlot.chart(one, "val_accuracy", Mode.AUTO));
        charts.add(ParallelCoordinatesPlot.chart(one, FinishedTrials.SPACE, "val_accuracy", Mode.AUTO));

        assertTrue(Charts.image(charts, 2).getWidth() > 0);
    }

    /** Accuracy peaks at a learning rate of 3e-3 and rises a little with the width; a few trials stopped early, one failed. */
    private static List<Trial> search() {
        Random random = new Random(42);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Params params = FinishedTrials.SPACE.sample(random);
            double distance = Math.log10(params.real("learningRate") / 3e-3);
            double accuracy = 0.95 - 0.08 * distance * distance + params.integer("width") / 5000.0 + 0.01 * random.nextGaussian();
            Trial.Outcome outcome = i == 7 ? Trial.Outcome.FAILED : accuracy < 0.85 && i % 2 == 0 ? Trial.Outcome.STOPPED_EARLY
                    : Trial.Outcome.COMPLETED;
            trials.add(new Trial(i, params, outcome == Trial.Outcome.FAILED ? Double.NaN : accuracy, 6, 10, outcome, null));
        }
        return trials;
    }

    private static void save(Chart<?, ?> chart, Path folder, String name) throws IOException {
        Path file = Charts.save(chart, folder.resolve(name));
        assertTrue(Files.size(file) > 10_000, file + " has a picture");
    }
}
