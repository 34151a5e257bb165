package io.github.nbworkbench.results;

import io.github.nbworkbench.files.AtomicFiles;
import io.github.nbworkbench.plot.Charts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * The one writer of result files: tables as CSV and JSON, charts as PNG and SVG (and PDF on
 * request), images, text and other files, each into one folder. Every file is written whole and
 * then moved into place, so a reader sees the old file or the new one, never a part; every name
 * must be a plain name, so nothing is written outside the folder. {@link RunExport} writes a run's
 * folder through it, {@code deploy.DeploymentReport} its report.
 *
 * <pre>{@code
 * ResultFolder folder = ResultFolder.of(Path.of("build/report"));
 * folder.csv("report", table);             // build/report/report.csv
 * folder.chart("loss", chart);             // build/report/loss.png and loss.svg
 * }</pre>
 */
public final class ResultFolder {

    private final Path folder;
    private final boolean pdf;

    private ResultFolder(Path folder, boolean pdf) {
        this.folder = folder;
        this.pdf = pdf;
    }

    /**
     * The folder {@code folder}, created when the first file is written into it.
     *
     * @throws IllegalArgumentException when {@code folder} is a file
     */
    public static ResultFolder of(Path folder) {
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException(target + " is a file, not a folder; pass the folder to write into "
                    + "(it is created if missing), e.g. " + target.resolveSibling("results"));
        }
        return new ResultFolder(target, false);
    }

    /** The same folder, writing charts as PDF too. */
    public ResultFolder withPdf() {
        return new ResultFolder(folder, true);
    }

    /** The folder {@code name} inside this one, with the same chart formats. */
    public ResultFolder folder(String name) {
        return new ResultFolder(folder.resolve(FileNames.check(name, "folder name")), pdf);
    }

    public Path path() {
        return folder;
    }

    /** {@code name}.csv, with a header row; missing values are empty cells and numbers are written in full. */
    public Path csv(String name, Table table) {
        return file(name + ".csv", out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            table.write().csv(writer);
            writer.flush();
        });
    }

    /** {@code name}.json: an array of row objects, column name to value, missing values null. */
    public Path json(String name, Table table) {
        return text(name + ".json", TableJson.of(table));
    }

    /** {@code name}.png and {@code name}.svg (and .pdf with {@link #withPdf()}). */
    public List<Path> chart(String name, Chart<?, ?> chart) {
        List<String> extensions = new ArrayList<>(List.of(".png", ".svg"));
        if (pdf) {
            extensions.add(".pdf");
        }
        String checked = FileNames.check(name, "chart name");
        return extensions.stream().map(extension -> Charts.save(chart, folder.resolve(checked + extension))).toList();
    }

    /** {@code name}.png. */
    public Path image(String name, BufferedImage image) {
        return Charts.save(image, folder.resolve(FileNames.check(name, "image name") + ".png"));
    }

    /** A UTF-8 text file, {@code fileName} with its extension. */
    public Path text(String fileName, String text) {
        return file(fileName, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Any file, {@code fileName} with its extension. */
    public Path file(String fileName, AtomicFiles.Content content) {
        Path file = folder.resolve(FileNames.check(fileName, "file name"));
        try {
            AtomicFiles.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
