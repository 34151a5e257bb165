package io.github.nbworkbench.deploy;

import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The report as Markdown: the table as printed (formatted numbers, "n/a" for missing ones), then the conclusions. */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static String of(Table table, List<String> conclusions) {
        StringBuilder text = new StringBuilder("# ").append(table.name()).append("\n\n");
        text.append(row(table.columnNames())).append(row(table.columnNames().stream().map(name -> "---").toList()));
        for (int i = 0; i < table.rowCount(); i++) {
            int rowIndex = i;
            text.append(row(table.columns().stream().map(column -> ((Column<?>) column).getString(rowIndex)).toList()));
        }
        text.append('\n');
        conclusions.forEach(sentence -> text.append("- ").append(sentence).append('\n'));
        return text.toString();
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(cell -> cell.replace("|", "\\|")).toList()) + " |\n";
    }
}
