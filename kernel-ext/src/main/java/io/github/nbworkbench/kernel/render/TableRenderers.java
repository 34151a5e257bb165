package io.github.nbworkbench.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.table.Relation;

/**
 * Tablesaw tables as an HTML table plus plain text. Long tables show their first and last rows
 * and say how many rows there are in all.
 */
public final class TableRenderers implements RendererProvider {
    static final int FULL_TABLE_ROWS = 40;
    static final int HEAD_ROWS = 15;
    static final int TAIL_ROWS = 5;

    @Override
    public String requiredClass() {
        return "tech.tablesaw.table.Relation";
    }

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(Relation.class)
                .preferring(MIMEType.TEXT_HTML)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> text(table));
                });
    }

    static String text(Relation table) {
        if (table.rowCount() <= FULL_TABLE_ROWS) {
            return table.printAll();
        }
        return table.print(HEAD_ROWS + TAIL_ROWS) + "\n" + size(table);
    }

    static String html(Relation table) {
        StringBuilder html = new StringBuilder("<table class=\"workbench-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (String column : table.columnNames()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        boolean shortened = rows > FULL_TABLE_ROWS;
        for (int row = 0; row < rows; row++) {
            if (shortened && row == HEAD_ROWS) {
                html.append("<tr><td colspan=\"").append(table.columnCount()).append("\">&hellip;</td></tr>");
                row = rows - TAIL_ROWS;
            }
            html.append("<tr>");
            for (int column = 0; column < table.columnCount(); column++) {
                html.append("<td>").append(escape(table.getString(row, column))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
        if (shortened) {
            html.append("<p>").append(size(table)).append("</p>");
        }
        return html.toString();
    }

    private static String size(Relation table) {
        return table.rowCount() + " rows × " + table.columnCount() + " columns";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
