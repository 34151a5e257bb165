package io.github.nbworkbench.tune;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;
import io.github.nbworkbench.progress.LiveOutput;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.progress.TrainingStart;
import io.github.nbworkbench.train.Mode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;

/**
 * The search in one output replaced in place: where it stands (trials, epochs, time, the running
 * best), the current trial's parameters and progress, the objective over the trials so far as a
 * chart, and the best trials as a table. Redrawn when a trial starts or ends, after each epoch, and
 * at most every {@value #BATCH_REDRAW_MILLIS} ms during an epoch.
 */
final class SearchDisplay implements SearchProgress {

    static final long BATCH_REDRAW_MILLIS = 500;
    static final int TABLE_ROWS = 10;

    private final LiveOutput output;
    private final LongSupplier millis;
    private final List<Trial> finished = new ArrayList<>();
    private String title = "";
    private String objective;
    private Mode mode;
    private String chartPng = "";
    private String current = "";
    private String status = "";
    private long lastBatchRedraw;

    SearchDisplay(LiveOutput output, LongSupplier millis) {
        this.output = output;
        this.millis = millis;
    }

    @Override
    public void start(Tuner tuner, List<Trial> resumed) {
        objective = tuner.objectiveName();
        mode = tuner.resolvedMode();
        title = "Search over " + tuner.space().parameters().size() + " parameters: " + tuner.description();
        finished.addAll(resumed);
        status = resumed.isEmpty() ? "starting" : "resumed after " + resumed.size() + " recorded trials";
        redrawChart();
        show();
    }

    @Override
    public TrainingProgress trialProgress(int number, Params params) {
        return new TrialProgress(number, params);
    }

    @Override
    public void trialEnd(Trial trial, List<Trial> all) {
        finished.clear();
        finished.addAll(all);
        current = "";
        status = "trial " + trial.number() + " " + trial.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        redrawChart();
        show();
    }

    @Override
    public void end(SearchResult result) {
        current = "";
        status = "ended: it " + result.endReason();
        show();
    }

    @Override
    public void stopped(String why) {
        current = "";
        status = "stopped: " + why;
        show();
    }

    private void redrawChart() {
        if (finished.stream().noneMatch(Trial::succeeded)) {
            chartPng = "";
            return;
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(BitmapEncoder.getBufferedImage(ObjectivePlot.chart(finished, objective, mode)), "png", png);
            chartPng = Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show() {
        List<Trial> ranked = SearchResult.ranked(finished, mode);
        String best = ranked.isEmpty() ? "no result yet"
                : String.format(Locale.ROOT, "best %s %.4f (trial %d)", objective, ranked.get(0).objective(), ranked.get(0).number());
        String summary = String.format(Locale.ROOT, "%d trials finished (%d stopped early, %d failed), %d epochs, %s · %s",
                finished.size(), count(Trial.Outcome.STOPPED_EARLY), count(Trial.Outcome.FAILED),
                finished.stream().mapToInt(Trial::epochs).sum(), Durations.seconds(finished.stream().mapToDouble(Trial::seconds).sum()), best);
        StringBuilder html = new StringBuilder("<div class=\"workbench-search\">");
        html.append("<b>").append(Html.escape(title)).append("</b><br>")
                .append(Html.escape(summary)).append(" · <i>").append(Html.escape(status)).append("</i>");
        html.append(current);
        if (!chartPng.isEmpty()) {
            html.append("<br><img src=\"data:image/png;base64,").append(chartPng).append("\" alt=\"objective over trials\">");
        }
        html.append(bestTable(ranked));
        html.append("</div>");
        // the text changes only when a trial ends (and at the start and end), so a console prints a line per trial
        boolean milestone = status.startsWith("resumed") || status.startsWith("ended") || status.startsWith("stopped");
        output.show(html.toString(), "search: " + summary + (milestone ? " · " + status : ""));
    }

    private long count(Trial.Outcome outcome) {
        return finished.stream().filter(trial -> trial.outcome() == outcome).count();
    }

    private String bestTable(List<Trial> ranked) {
        if (ranked.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder("<table><tr><th>trial</th><th>parameters</th><th>")
                .append(Html.escape(objective)).append("</th><th>epochs</th><th>seconds</th><th>outcome</th></tr>");
        for (Trial trial : ranked.subList(0, Math.min(TABLE_ROWS, ranked.size()))) {
            table.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%.4f</td><td>%d</td><td>%.1f</td><td>%s</td></tr>",
                    trial.number(), Html.escape(ParamsText.of(trial.params())), trial.objective(), trial.epochs(), trial.seconds(),
                    trial.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        if (ranked.size() > TABLE_ROWS) {
            table.append("<tr><td colspan=\"6\">… ").append(ranked.size() - TABLE_ROWS).append(" more</td></tr>");
        }
        return table.append("</table>").toString();
    }

    /** The running trial's part of the display. */
    private final class TrialProgress implements TrainingProgress {

        private final int number;
        private final String params;
        private int lastEpoch;
        private String lastValue = "";

        TrialProgress(int number, Params params) {
            this.number = number;
            this.params = ParamsText.of(params);
        }

        @Override
        public void start(TrainingStart start) {
            lastEpoch = start.lastEpoch();
            status = "training trial " + number;
            current = part(0, 0, -1, Double.NaN);
            show();
        }

        @Override
        public void batch(BatchProgress progress) {
            long now = millis.getAsLong();
            if (now - lastBatchRedraw < BATCH_REDRAW_MILLIS) {
                return;
            }
            lastBatchRedraw = now;
            current = part(progress.epoch(), progress.batch(), progress.batchesPerEpoch(), progress.loss());
            show();
        }

        @Override
        public void epoch(EpochEnd epoch) {
            Double value = epoch.values().get(objective);
            lastValue = value == null ? "" : String.format(Locale.ROOT, " · %s after epoch %d: %.4f", objective, epoch.epoch(), value);
            current = part(epoch.epoch(), 0, -1, epoch.values().getOrDefault("loss", Double.NaN));
            show();
        }

        @Override
        public void end(String outcome) {
        }

        private String part(int epoch, long batch, long batches, double loss) {
            double done = batches > 0 ? (epoch - 1 + (double) batch / batches) / lastEpoch : (double) epoch / lastEpoch;
            return String.format(Locale.ROOT, "<br>Trial %d: %s<br><progress value=\"%.3f\" max=\"1\"></progress> epoch %d / %d%s%s",
                    number, Html.escape(params), Math.max(0, Math.min(1, done)), Math.max(epoch, 1), lastEpoch,
                    Double.isNaN(loss) ? "" : String.format(Locale.ROOT, " · loss %.4f", loss), Html.escape(lastValue));
        }
    }
}
