package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.TrainingStart;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookProgressTest {
    private final RecordingStream stream = new RecordingStream();
    private final AtomicLong clock = new AtomicLong();
    private final NotebookProgress progress = new NotebookProgress(new LiveDisplay(stream), clock::get);

    @Test
    void oneOutputIsShownAndThenUpdatedAFewTimesASecond() {
        progress.start(new TrainingStart("run", 1, 2, 1000, List.of("loss", "val_loss")));
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int batch = 1; batch <= 1000; batch++) {
                clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
                progress.batch(new BatchProgress(epoch, batch, 1000, 0.5, 3200));
            }
            progress.epoch(new EpochEnd(epoch, Map.of("loss", 0.5 / epoch, "val_loss", 0.6 / epoch)));
        }
        progress.end("finished");

        assertEquals(1, stream.displayed.size(), "one display_data");
        String id = stream.displayed.get(0).getDisplayId();
        assertNotNull(id);
        assertTrue(stream.updated.stream().allMatch(update -> id.equals(update.getDisplayId())));
        // 2 s of batches at most every 250 ms, plus 2 epoch ends and the end
        int updates = stream.updated.size();
        assertTrue(updates >= 2 * 4 && updates <= 2 * 4 + 2 + 1, "updates: " + updates);

        String last = html(stream.updated.get(updates - 1));
        assertTrue(last.contains(">finished<"), last);
        assertTrue(last.contains("<img src=\"data:image/png;base64,iVBOR"), last);
        assertTrue(String.valueOf(stream.updated.get(updates - 1).getData(MIMEType.TEXT_PLAIN)).startsWith("run · finished"));
    }

    @Test
    void everyEpochEndAndTheEndRedrawAtOnce() {
        progress.start(new TrainingStart("run", 1, 3, 10, List.of("loss")));
        progress.batch(new BatchProgress(1, 1, 10, 0.5, 100));
        progress.epoch(new EpochEnd(1, Map.of("loss", 0.5)));
        progress.end("stopped early: interrupted");

        assertEquals(2, stream.updated.size(), "the batch within 250 ms of the start waits; epoch end and end do not");
        assertTrue(html(stream.updated.get(1)).contains("stopped early: interrupted"));
    }

    @Test
    void aNoteIsShownEscapedInTheSameOutputAndTheNextOneReplacesIt() {
        progress.start(new TrainingStart("lstm", 1, 2, 10, List.of("loss")));
        progress.epoch(new EpochEnd(1, Map.of("loss", 2.0)));
        progress.note("Sample after epoch 1", "The <b>nation</b> &\nthe people");
        progress.note("Sample after epoch 2", "The State of the Union");

        assertEquals(1, stream.displayed.size(), "notes go into the one progress output");
        String withFirst = html(stream.updated.get(stream.updated.size() - 2));
        assertTrue(withFirst.contains("class=\"nbw-note\""), withFirst);
        assertTrue(withFirst.contains("Sample after epoch 1"), withFirst);
        assertTrue(withFirst.contains("The &lt;b&gt;nation&lt;/b&gt; &amp;\nthe people"), withFirst);
        String withSecond = html(stream.updated.get(stream.updated.size() - 1));
        assertTrue(withSecond.contains("The State of the Union") && !withSecond.contains("nation"), withSecond);
    }

    @Test
    void reportsAfterTheEndAreIgnoredAndARunStartsOnce() {
        progress.start(new TrainingStart("run", 1, 1, 10, List.of("loss")));
        progress.end("finished");
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        progress.batch(new BatchProgress(1, 5, 10, 0.5, 100));
        progress.epoch(new EpochEnd(1, Map.of("loss", 0.5)));
        progress.end("finished again");

        assertEquals(1, stream.updated.size());
        assertThrows(IllegalStateException.class,
                () -> progress.start(new TrainingStart("again", 1, 1, 10, List.of("loss"))));
    }

    @Test
    void reportsFromManyThreadsRedrawOneAtATime() throws InterruptedException {
        progress.start(new TrainingStart("run", 1, 1, 4000, List.of("loss")));
        List<Thread> reporters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread reporter = new Thread(() -> {
                for (int batch = 1; batch <= 1000; batch++) {
                    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
                    progress.batch(new BatchProgress(1, batch, 4000, 0.5, 100));
                }
            });
            reporter.start();
            reporters.add(reporter);
        }
        for (Thread reporter : reporters) {
            reporter.join();
        }
        progress.end("finished");

        assertFalse(stream.overlapped, "two redraws were sent at the same time");
        assertTrue(stream.updated.size() > 1);
    }

    @Test
    void theProviderIsNotAvailableOutsideAKernel() {
        NotebookProgressProvider provider = new NotebookProgressProvider();
        assertFalse(provider.isAvailable());
        assertTrue(provider.priority() > 0, "ahead of the console display");
        assertThrows(IllegalStateException.class, provider::create);
    }

    @Test
    void printedTextIsSentBeforeTheDisplayIsFirstShown() {
        List<String> events = new ArrayList<>();
        RecordingStream recording = new RecordingStream() {
            @Override
            public void display(DisplayData data) {
                events.add("display");
            }

            @Override
            public void updateDisplay(DisplayData data) {
                events.add("update");
            }
        };
        LiveDisplay display = new LiveDisplay(recording, () -> events.add("flush printed text"));
        display.show("<b>1</b>", "1");
        display.show("<b>2</b>", "2");
        assertEquals(List.of("flush printed text", "display", "update"), events);
    }

    private static String html(DisplayData data) {
        return String.valueOf(data.getData(MIMEType.TEXT_HTML));
    }
}
