package io.github.nbworkbench.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.LiveOutput;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingStart;
import io.github.nbworkbench.train.Mode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchDisplayTest {

    private static final SearchSpace SPACE = SearchSpace.builder().logRange("lr", 1e-4, 1e-1).choice("name", "a<b", "c&d").build();

    private final List<String[]> shown = new ArrayList<>();
    private final LiveOutput output = (html, text) -> shown.add(new String[] {html, text});
    private long now;

    @Test
    void itShowsTheTrialsSoFarTheRunningTrialAndTheChartInOneOutput() {
        SearchDisplay display = new SearchDisplay(output, () -> now);
        Tuner tuner = Tuner.of(SPACE).objective("val_accuracy", Mode.AUTO).sampler(Sampler.random()).epochs(4);
        Trial resumed = new Trial(0, SPACE.sample(new Random(1)), 0.8, 4, 2.0, Trial.Outcome.COMPLETED, null);
        display.start(tuner, List.of(resumed));
        assertEquals("search: 1 trials finished (0 stopped early, 0 failed), 4 epochs, 2 s · best val_accuracy 0.8000 (trial 0) · resumed after 1 recorded trials",
                last()[1]);
        assertTrue(last()[0].contains("resumed after 1 recorded trials"), last()[0]);
        assertTrue(last()[0].contains("<img src=\"data:image/png;base64,"), "the objective chart");

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("lr", 0.001);
        values.put("name", "a<b");
        Params params = new Params(values);
        TrainingProgress trial = display.trialProgress(1, params);
        trial.start(new TrainingStart("trial 1", 1, 4, 10, List.of("loss", "val_loss", "accuracy", "val_accuracy")));
        int afterStart = shown.size();
        now = 100;
        trial.batch(new BatchProgress(1, 1, 10, 2.3, 100));
        assertEquals(afterStart, shown.size(), "batches redraw at most every half second");
        now = 600;
        trial.batch(new BatchProgress(2, 5, 10, 1.5, 100));
        assertEquals(afterStart + 1, shown.size());
        assertTrue(last()[0].contains("Trial 1: lr=0.001000, name=a&lt;b<br><progress value=\"0.375\" max=\"1\"></progress> epoch 2 / 4 · loss 1.5000"),
                last()[0]);
        trial.epoch(new EpochEnd(2, Map.of("loss", 1.4, "val_accuracy", 0.85)));
        assertTrue(last()[0].contains("val_accuracy after epoch 2: 0.8500"), last()[0]);

        Trial ended = new Trial(1, params, 0.85, 2, 1.0, Trial.Outcome.COMPLETED, null);
        display.trialEnd(ended, List.of(resumed, ended));
        assertTrue(last()[1].startsWith("search: 2 trials finished (0 stopped early, 0 failed), 6 epochs, 3 s · best val_accuracy 0.8500 (trial 1)"),
                last()[1]);
        assertFalse(last()[0].contains("<progress"), "no running trial between trials");
        String table = last()[0].substring(last()[0].indexOf("<table>"));
        assertTrue(table.indexOf("<td>1</td>") < table.indexOf("<td>0</td>"), "best first: " + table);

        display.stopped("The search was interrupted during trial 2; 2 finished trials are kept in /tmp/s: run the same search again");
        assertTrue(last()[1].endsWith(" · stopped: The search was interrupted during trial 2; 2 finished trials are kept in /tmp/s: run the "
                + "same search again"), last()[1]);
    }

    private String[] last() {
        return shown.get(shown.size() - 1);
    }
}
