package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.BatchProgress;
import io.github.nbworkbench.progress.EpochEnd;

import io.github.nbworkbench.train.History;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTML form of a progress display: title and state, bars for epochs and batches, the current
 * metrics, the last epochs as a table, and the loss chart. Inline styles only, so that the output
 * looks the same in Notebook, Lab and HTML exports (which drop or scope {@code <style>} blocks).
 */
final class ProgressHtml {
    static final int TABLE_EPOCHS = 8;

    private static final String RUNNING = "#2563eb";
    private static final String FINISHED = "#16a34a";
    private static final String STOPPED = "#d97706";
    private static final String FAILED = "#dc2626";
    private static final String MUTED = "opacity:.65";
    private static final String TRACK = "rgba(127,127,127,.2)";
    private static final String UNKNOWN_LENGTH_TRACK =
            "repeating-linear-gradient(135deg,rgba(127,127,127,.2) 0 6px,rgba(127,127,127,.08) 6px 12px)";

    private ProgressHtml() {
    }

    /** The display for {@code run}, with the loss chart when there is one (base64 PNG). */
    static String render(RunSnapshot run, Optional<String> chartPng) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<div class=\"nbw-progress\" style=\"font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;")
                .append("font-size:13px;line-height:1.45;max-width:900px;padding:10px 14px;")
                .append("border:1px solid rgba(127,127,127,.3);border-radius:8px;font-variant-numeric:tabular-nums\">");
        header(html, run);
        html.append("<div style=\"display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start\">");
        html.append("<div style=\"flex:1 1 340px;min-width:300px\">");
        bars(html, run);
        metrics(html, run);
        epochTable(html, run);
        note(html, run);
        html.append("</div>");
        chartPng.ifPresent(png -> html.append("<img src=\"data:image/png;base64,").append(png)
                .append("\" width=\"").append(LossChart.WIDTH).append("\" height=\"").append(LossChart.HEIGHT)
                .append("\" alt=\"loss and val_loss per epoch\" style=\"flex:0 0 auto;border-radius:4px\">"));
        html.append("</div></div>");
        return html.toString();
    }

    private static void header(StringBuilder html, RunSnapshot run) {
        html.append("<div style=\"display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;margin-bottom:8px\">")
                .append("<strong style=\"font-size:14px\">").append(escape(run.start().title())).append("</strong>")
                .append("<span class=\"nbw-outcome\" style=\"padding:0 8px;border-radius:9px;color:#fff;font-size:12px;background:")
                .append(color(run)).append("\">").append(escape(run.running() ? "running" : run.outcome())).append("</span>")
                .append("<span style=\"margin-left:auto;").append(MUTED).append("\">")
                .append(Figures.duration(run.elapsed())).append(" elapsed");
        run.remaining().ifPresent(left -> html.append(" · about ").append(Figures.duration(left)).append(" left"));
        html.append("</span></div>");
    }

    private static void bars(StringBuilder html, RunSnapshot run) {
        bar(html, run, "Epoch " + run.shownEpoch() + " / " + run.start().lastEpoch(), Optional.of(run.epochFraction()));
        if (run.lastBatch() != null) {
            BatchProgress batch = run.lastBatch();
            String of = batch.batchesPerEpoch() > 0 ? " / " + batch.batchesPerEpoch() : "";
            bar(html, run, "Batch " + batch.batch() + of, run.batchFraction());
        }
    }

    /** A bar; with an unknown fraction (data of unknown length) its track is striped and it shows no percentage. */
    private static void bar(StringBuilder html, RunSnapshot run, String label, Optional<Double> fraction) {
        html.append("<div style=\"display:flex;align-items:center;gap:10px;margin:3px 0\">")
                .append("<span style=\"flex:0 0 130px;white-space:nowrap\">").append(escape(label)).append("</span>")
                .append("<div class=\"nbw-bar\" style=\"flex:1;height:10px;border-radius:5px;overflow:hidden;background:")
                .append(fraction.isPresent() ? TRACK : UNKNOWN_LENGTH_TRACK).append("\">");
        fraction.ifPresent(done -> html.append("<div style=\"height:100%;border-radius:5px;background:").append(color(run))
                .append(";width:").append(String.format(Locale.ROOT, "%.1f", 100 * done)).append("%\"></div>"));
        html.append("</div><span style=\"flex:0 0 40px;text-align:right;").append(MUTED).append("\">")
                .append(fraction.map(Figures::percent).orElse("")).append("</span></div>");
    }

    private static void metrics(StringBuilder html, RunSnapshot run) {
        html.append("<div class=\"nbw-metrics\" style=\"display:flex;flex-wrap:wrap;gap:2px 16px;margin:8px 0\">");
        run.currentBatch().ifPresent(batch -> {
            metric(html, History.LOSS, Figures.metric(batch.loss()));
            metric(html, "samples/s", Figures.rate(batch.samplesPerSecond()));
        });
        run.lastEpoch().ifPresent(epoch -> {
            html.append("<span style=\"").append(MUTED).append("\">epoch ").append(epoch.epoch()).append(":</span>");
            for (String column : run.columns()) {
                Double value = epoch.values().get(column);
                if (value != null) {
                    metric(html, column, Figures.metric(value));
                }
            }
        });
        html.append("</div>");
    }

    private static void metric(StringBuilder html, String name, String value) {
        html.append("<span><span style=\"").append(MUTED).append("\">").append(escape(name)).append("</span> <b>")
                .append(escape(value)).append("</b></span>");
    }

    private static void epochTable(StringBuilder html, RunSnapshot run) {
        List<EpochEnd> epochs = run.epochs();
        if (epochs.isEmpty()) {
            return;
        }
        List<String> columns = run.columns();
        String head = "padding:2px 10px;text-align:right;border-bottom:1px solid rgba(127,127,127,.4)";
        String cell = "padding:1px 10px;text-align:right";
        html.append("<table class=\"nbw-epochs\" style=\"border-collapse:collapse;font-size:12px;margin:0\"><thead><tr>");
        html.append("<th style=\"").append(head).append("\">epoch</th>");
        columns.forEach(column -> html.append("<th style=\"").append(head).append("\">").append(escape(column)).append("</th>"));
        html.append("</tr></thead><tbody>");
        int hidden = Math.max(0, epochs.size() - TABLE_EPOCHS);
        if (hidden > 0) {
            html.append("<tr><td colspan=\"").append(columns.size() + 1).append("\" style=\"").append(cell).append(";")
                    .append(MUTED).append("\">… ").append(hidden).append(hidden == 1 ? " earlier epoch" : " earlier epochs")
                    .append("</td></tr>");
        }
        for (EpochEnd epoch : epochs.subList(hidden, epochs.size())) {
            html.append("<tr><td style=\"").append(cell).append("\">").append(epoch.epoch()).append("</td>");
            for (String column : columns) {
                Double value = epoch.values().get(column);
                html.append("<td style=\"").append(cell).append("\">")
                        .append(value == null ? "" : escape(Figures.metric(value))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static void note(StringBuilder html, RunSnapshot run) {
        if (run.note() == null) {
            return;
        }
        html.append("<div class=\"nbw-note\" style=\"margin-top:8px\"><div style=\"").append(MUTED).append("\">")
                .append(escape(run.note().label())).append("</div>")
                .append("<pre style=\"white-space:pre-wrap;margin:2px 0 0;padding:6px 8px;border-radius:4px;")
                .append("background:rgba(127,127,127,.1);font-size:12px\">").append(escape(run.note().text())).append("</pre></div>");
    }

    private static String color(RunSnapshot run) {
        if (run.running()) {
            return RUNNING;
        }
        String outcome = run.outcome().toLowerCase(Locale.ROOT);
        if (outcome.startsWith("finished")) {
            return FINISHED;
        }
        return outcome.contains("fail") || outcome.contains("error") ? FAILED : STOPPED;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
