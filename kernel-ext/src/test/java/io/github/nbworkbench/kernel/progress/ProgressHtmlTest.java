package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingStart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressHtmlTest {
    private static final TrainingStart START =
            new TrainingStart("CNN <small> & fast", 1, 4, 200, List.of("loss", "val_loss", "acc<top1>"));

    @Test
    void aRunningEpochShowsBothBarsTheCurrentMetricsAndTheLastEpoch() {
        RunSnapshot run = new RunSnapshot(START, new BatchProgress(2, 50, 200, 0.4321, 1234.5),
                List.of(epoch(1, 0.61, 0.65, 0.8)), null, Duration.ofSeconds(10), null);

        String html = ProgressHtml.render(run, Optional.empty());

        assertTrue(html.contains("Epoch 2 / 4"), html);
        assertTrue(html.contains("width:31.3%"), "epoch bar: 1.25 of 4 epochs\n" + html);
        assertTrue(html.contains("Batch 50 / 200"), html);
        assertTrue(html.contains("width:25.0%"), "batch bar: 50 of 200\n" + html);
        assertTrue(html.contains("<b>0.4321</b>"), "running loss\n" + html);
        assertTrue(html.contains("<b>1,235</b>"), "samples per second\n" + html);
        assertTrue(html.contains("<b>0.6500</b>"), "the last epoch's val_loss\n" + html);
        assertTrue(html.contains(">running<"), html);
        assertTrue(html.contains("about 0:22 left"), "10 s for 1.25 of 4 epochs\n" + html);
        assertFalse(html.contains("<img"), "no chart given, none shown");
    }

    @Test
    void titleMetricNamesAndOutcomeAreEscaped() {
        RunSnapshot run = new RunSnapshot(START, null, List.of(epoch(1, 0.6, 0.7, 0.8)),
                "stopped early: <val_loss> & patience", Duration.ZERO, null);

        String html = ProgressHtml.render(run, Optional.empty());

        assertTrue(html.contains("CNN &lt;small&gt; &amp; fast"), html);
        assertTrue(html.contains("acc&lt;top1&gt;"), html);
        assertTrue(html.contains("stopped early: &lt;val_loss&gt; &amp; patience"), html);
        assertFalse(html.contains("<small>") || html.contains("<top1>") || html.contains("<val_loss>"), html);
    }

    @Test
    void theEndShowsTheOutcomeTheTableAndTheChart() {
        List<EpochEnd> epochs = List.of(epoch(1, 0.6, 0.7, 0.8), epoch(2, 0.5, 0.6, 0.85), epoch(3, 0.4, 0.5, 0.9),
                epoch(4, 0.3, 0.45, 0.92));
        RunSnapshot run = new RunSnapshot(START, new BatchProgress(4, 200, 200, 0.3, 900), epochs, "finished",
                Duration.ofSeconds(75), null);

        String html = ProgressHtml.render(run, Optional.of("iVBORw0KGgo="));

        assertTrue(html.contains(">finished<"), html);
        assertTrue(html.contains("Epoch 4 / 4") && html.contains("width:100.0%"), html);
        assertTrue(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\""), html);
        assertEquals(4, count(html, "<tr><td"), "one row per epoch\n" + html);
        assertTrue(html.contains("<th style=\"" + "padding:2px 10px;text-align:right;border-bottom:1px solid rgba(127,127,127,.4)"
                + "\">acc&lt;top1&gt;</th>"), html);
        assertFalse(html.contains(" left<"), "no time left once finished\n" + html);
    }

    @Test
    void theTableShowsOnlyTheLastEpochsAndCountsTheOthers() {
        List<EpochEnd> epochs = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            epochs.add(epoch(i, 1.0 / i, 1.1 / i, 0.5));
        }
        RunSnapshot run = new RunSnapshot(new TrainingStart("long", 1, 30, 10, List.of("loss")), null, epochs, null,
                Duration.ofMinutes(2), null);

        String html = ProgressHtml.render(run, Optional.empty());

        assertTrue(html.contains("… 12 earlier epochs"), html);
        assertEquals(ProgressHtml.TABLE_EPOCHS + 1, count(html, "<tr><td"), html);
        assertTrue(html.contains("<td style=\"padding:1px 10px;text-align:right\">20</td>"), html);
    }

    @Test
    void dataOfUnknownLengthGetsAStripedBatchBarWithoutPercentage() {
        RunSnapshot run = new RunSnapshot(new TrainingStart("stream", 1, 2, -1, List.of("loss")),
                new BatchProgress(1, 57, -1, 1.5, 80), List.of(), null, Duration.ofSeconds(3), null);

        String html = ProgressHtml.render(run, Optional.empty());

        assertTrue(html.contains("Batch 57<"), html);
        assertTrue(html.contains("repeating-linear-gradient"), html);
        assertFalse(html.contains("left<"), "no estimate without a known length\n" + html);
    }

    @Test
    void theTextFormIsOneLine() {
        RunSnapshot run = new RunSnapshot(START, new BatchProgress(2, 50, 200, 0.4321, 1234.5),
                List.of(epoch(1, 0.61, 0.65, 0.8)), null, Duration.ofSeconds(10), null);

        String text = ProgressText.line(run);

        assertEquals("CNN <small> & fast · running · epoch 2/4 · batch 50/200 · loss 0.4321 · 1,235 samples/s"
                + " · epoch 1: loss 0.6100, val_loss 0.6500, acc<top1> 0.8000 · 0:10", text);
    }

    private static EpochEnd epoch(int number, double loss, double valLoss, double accuracy) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", loss);
        values.put("val_loss", valLoss);
        values.put("acc<top1>", accuracy);
        return new EpochEnd(number, values);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
