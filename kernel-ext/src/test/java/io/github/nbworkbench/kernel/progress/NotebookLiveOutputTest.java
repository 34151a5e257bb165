package io.github.nbworkbench.kernel.progress;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotebookLiveOutputTest {
    private static final Duration NEVER = Duration.ofHours(1);

    private final RecordingStream stream = new RecordingStream();
    private final AtomicLong clock = new AtomicLong();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aFloodIsOneDisplayAndTheCellsEndSendsItsLastState() {
        NotebookLiveOutput output = new NotebookLiveOutput(new LiveDisplay(stream), NEVER, clock::get, scheduler);
        for (int i = 1; i <= 2000; i++) {
            output.show("<b>" + i + "</b>", "call " + i);
        }
        assertEquals(1, stream.displayed.size());
        assertEquals(0, stream.updated.size(), "calls within the interval wait");

        output.cellEnded();

        assertEquals(1, stream.updated.size());
        DisplayData last = stream.updated.get(0);
        assertEquals("<b>2000</b>", last.getData(MIMEType.TEXT_HTML));
        assertEquals("call 2000", last.getData(MIMEType.TEXT_PLAIN));
        assertEquals(stream.displayed.get(0).getDisplayId(), last.getDisplayId());
    }

    @Test
    void callsAtLeastAnIntervalApartAreSentAtOnce() {
        NotebookLiveOutput output = new NotebookLiveOutput(new LiveDisplay(stream), Duration.ofMillis(200), clock::get, scheduler);
        for (int i = 1; i <= 5; i++) {
            output.show("<i>" + i + "</i>", String.valueOf(i));
            clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
        }
        assertEquals(1, stream.displayed.size());
        assertEquals(List.of("<i>2</i>", "<i>3</i>", "<i>4</i>", "<i>5</i>"), html(stream.updated));
    }

    @Test
    void theLastStateOfABurstGoesOutOneIntervalLater() throws InterruptedException {
        NotebookLiveOutput output = new NotebookLiveOutput(new LiveDisplay(stream), Duration.ofMillis(50), System::nanoTime, scheduler);
        for (int i = 1; i <= 100; i++) {
            output.show("<i>" + i + "</i>", String.valueOf(i));
        }
        scheduler.schedule(() -> { }, 400, TimeUnit.MILLISECONDS);
        scheduler.shutdown();
        assertTrue(scheduler.awaitTermination(5, TimeUnit.SECONDS));

        assertEquals(1, stream.displayed.size());
        assertTrue(stream.updated.size() <= 3, "a burst is coalesced: " + stream.updated.size());
        assertEquals("<i>100</i>", html(stream.updated).get(stream.updated.size() - 1));
    }

    @Test
    void afterItsCellEndedShowDoesNothing() {
        NotebookLiveOutput output = new NotebookLiveOutput(new LiveDisplay(stream), NEVER, clock::get, scheduler);
        output.show("<b>while the cell ran</b>", "ran");
        output.cellEnded();
        clock.addAndGet(TimeUnit.HOURS.toNanos(2));
        output.show("<b>late</b>", "late");

        assertEquals(1, stream.displayed.size());
        assertEquals(0, stream.updated.size());
    }

    @Test
    void nullIsRefusedAndNothingIsShown() {
        NotebookLiveOutput output = new NotebookLiveOutput(new LiveDisplay(stream), NEVER, clock::get, scheduler);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> output.show(null, "text"));
        assertTrue(e.getMessage().contains("null html"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> output.show("<b>x</b>", null));
        assertEquals(0, stream.displayed.size());
    }

    @Test
    void aFailingSendSwitchesTheOutputOffWithoutThrowing() {
        List<String> sent = new ArrayList<>();
        RecordingStream gone = new RecordingStream() {
            @Override
            public void display(DisplayData data) {
                sent.add("display");
                throw new IllegalStateException("socket closed");
            }
        };
        NotebookLiveOutput output = new NotebookLiveOutput(new LiveDisplay(gone), NEVER, clock::get, scheduler);
        output.show("<b>1</b>", "1");
        clock.addAndGet(TimeUnit.HOURS.toNanos(2));
        output.show("<b>2</b>", "2");
        output.cellEnded();

        assertEquals(List.of("display"), sent);
    }

    @Test
    void anInterruptedThreadStillShowsAndKeepsItsInterrupt() {
        List<Boolean> interruptedWhileSending = new ArrayList<>();
        RecordingStream recording = new RecordingStream() {
            @Override
            public void display(DisplayData data) {
                interruptedWhileSending.add(Thread.currentThread().isInterrupted());
                super.display(data);
            }
        };
        NotebookLiveOutput output = new NotebookLiveOutput(new LiveDisplay(recording), NEVER, clock::get, scheduler);
        Thread.currentThread().interrupt();
        output.show("<b>stopped</b>", "stopped");

        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertEquals(List.of(false), interruptedWhileSending, "ZeroMQ refuses to send on an interrupted thread");
        assertEquals(1, recording.displayed.size());
    }

    @Test
    void theProviderIsNotAvailableOutsideAKernel() {
        NotebookLiveOutputProvider provider = new NotebookLiveOutputProvider();
        assertFalse(provider.isAvailable());
        assertTrue(provider.priority() > 0, "ahead of the console output");
        IllegalStateException e = assertThrows(IllegalStateException.class, provider::create);
        assertTrue(e.getMessage().contains("live output"), e.getMessage());
    }

    private static List<String> html(List<DisplayData> data) {
        return data.stream().map(d -> String.valueOf(d.getData(MIMEType.TEXT_HTML))).toList();
    }
}
