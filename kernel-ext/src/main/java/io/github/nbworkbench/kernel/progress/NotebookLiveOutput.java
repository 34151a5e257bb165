package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.LiveOutput;
import io.github.nbworkbench.progress.LiveOutputs;

import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A {@link LiveOutput} as one notebook output: the first {@link #show} sends {@code display_data},
 * later ones {@code update_display_data} for the same display id.
 *
 * <p>Coalesced: after a send, the next goes out {@link #UPDATE_INTERVAL} later at the earliest,
 * with the state last shown by then; calls in between only replace that state. So a flood of calls
 * costs a few messages, not one each (the IOPub socket drops messages past its queue limit, and
 * the dropped one could be the last), and the last state always goes out.
 *
 * <p>Bound to its cell: when the cell ends, a state not yet sent goes out before the cell's idle
 * status (clients such as nbclient, which saves notebooks, stop listening there), and from then on
 * {@link #show} does nothing: the output keeps the last state shown while its cell ran, and no other
 * cell's output changes. A send that fails (the frontend is gone) switches the output off; neither
 * throws into the caller.
 */
final class NotebookLiveOutput implements LiveOutput {
    static final Duration UPDATE_INTERVAL = Duration.ofMillis(200);

    private static final ScheduledExecutorService SENDER = sender();

    private final LiveDisplay display;
    private final Duration interval;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService scheduler;
    private UpdateThrottle throttle; // null until first shown
    private State pending;
    private boolean sendScheduled;
    private boolean closed;

    NotebookLiveOutput(LiveDisplay display, Duration interval, LongSupplier nanoClock, ScheduledExecutorService scheduler) {
        this.display = display;
        this.interval = interval;
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
    }

    static NotebookLiveOutput of(LiveDisplay display) {
        return new NotebookLiveOutput(display, UPDATE_INTERVAL, System::nanoTime, SENDER);
    }

    @Override
    public void show(String html, String text) {
        LiveOutputs.checkContent(html, text);
        synchronized (this) {
            if (closed) {
                return;
            }
            pending = new State(html, text);
            long now = nanoClock.getAsLong();
            if (throttle == null || throttle.isDue(now)) {
                sendPending(now);
            } else if (!sendScheduled) {
                sendScheduled = true;
                scheduler.schedule(this::sendLater, interval.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Sends what is not sent yet, and ignores later calls; the kernel calls it as the cell ends. */
    synchronized void cellEnded() {
        if (!closed && pending != null) {
            sendPending(nanoClock.getAsLong());
        }
        closed = true;
    }

    private synchronized void sendLater() {
        sendScheduled = false;
        if (!closed && pending != null) {
            sendPending(nanoClock.getAsLong());
        }
    }

    private void sendPending(long now) {
        State state = pending;
        pending = null;
        try {
            display.show(state.html(), state.text());
        } catch (RuntimeException e) {
            closed = true;
            LoggerFactory.getLogger(NotebookLiveOutput.class).warn("A live output could not be sent and is switched off: {}", e.toString());
        }
        if (throttle == null) {
            throttle = new UpdateThrottle(interval, now);
        } else {
            throttle.updated(now);
        }
    }

    private static ScheduledExecutorService sender() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "notebook-live-output");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private record State(String html, String text) {
    }
}
