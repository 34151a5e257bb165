package io.github.nbworkbench.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    @Test
    void withoutATerminalItPrintsOneLinePerEpochAndNothingPerBatch() {
        ConsoleProgress progress = new ConsoleProgress(out, false, () -> now);

        runTwoEpochsOfHundredBatches(progress);

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"));
        assertEquals(List.of(
                "Epoch 1/2  loss 0.5000  val_loss 0.6000  lr 0.00100  seconds 12.3  samples_per_s 1234",
                "Epoch 2/2  loss 0.5000  val_loss 0.6000  lr 0.00100  seconds 12.3  samples_per_s 1234",
                "Training finished 2 epochs"), text.lines().toList());
    }

    @Test
    void inATerminalItRewritesOneLineAtMostFourTimesASecond() {
        ConsoleProgress progress = new ConsoleProgress(out, true, () -> now);

        runTwoEpochsOfHundredBatches(progress); // 100 batches 10 ms apart: one second per epoch

        String text = bytes.toString(StandardCharsets.UTF_8);
        long redraws = text.chars().filter(c -> c == '\r').count();
        assertTrue(redraws <= 2 * (4 + 1 + 1) + 2, "at most 4 a second, plus the last batch and the epoch line: " + redraws);
        assertTrue(redraws >= 2 * 4, "but it does redraw: " + redraws);
        assertEquals(3, text.chars().filter(c -> c == '\n').count(), "one finished line per epoch and the outcome");
        assertTrue(text.contains("Epoch 1/2 [========================] 100/100  loss 0.5000  1000 samples/s"), text);
    }

    @Test
    void aNoteGoesOnLinesOfItsOwnAfterTheBatchLine() {
        ConsoleProgress progress = new ConsoleProgress(out, true, () -> now);
        progress.start(new TrainingStart("lstm", 1, 1, 10, List.of("loss")));
        progress.batch(new BatchProgress(1, 1, 10, 2.5, 100));
        progress.note("Sample after epoch 1", "The Union\nis strong");

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\nSample after epoch 1:\n    The Union\n    is strong\n"), text);
    }

    @Test
    void aBarWithoutAKnownBatchCountShowsTheBatchNumber() {
        ConsoleProgress progress = new ConsoleProgress(out, true, () -> now);
        progress.start(new TrainingStart("net", 1, 3, -1, List.of("loss")));

        assertEquals("Epoch 1/3 batch 7  loss 0.2500  10 samples/s", progress.batchLine(new BatchProgress(1, 7, -1, 0.25, 10)));
        assertEquals("Epoch 1/3 [============>           ] 5/10  loss 0.2500  10 samples/s",
                progress.batchLine(new BatchProgress(1, 5, 10, 0.25, 10)));
    }

    private void runTwoEpochsOfHundredBatches(ConsoleProgress progress) {
        progress.start(new TrainingStart("net", 1, 2, 100, List.of("loss", "val_loss")));
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("loss", 0.5);
        values.put("val_loss", 0.6);
        values.put("lr", 0.001);
        values.put("seconds", 12.34);
        values.put("samples_per_s", 1234.4);
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int batch = 1; batch <= 100; batch++) {
                now += 10_000_000L;
                progress.batch(new BatchProgress(epoch, batch, 100, 0.5, 1000));
            }
            progress.epoch(new EpochEnd(epoch, values));
        }
        progress.end("finished 2 epochs");
    }
}
