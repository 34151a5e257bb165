package io.github.nbworkbench.results;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as a JSON array of row objects, column name to value; missing values are null. */
final class TableJson {

    /** The run card's Gson, but writing nulls: without it Gson drops the missing values' keys. */
    private static final Gson GSON = RunCard.GSON.newBuilder().serializeNulls().create();

    private TableJson() {
    }

    static String of(Table table) {
        JsonArray rows = new JsonArray();
        for (int row = 0; row < table.rowCount(); row++) {
            JsonObject values = new JsonObject();
            for (Column<?> column : table.columns()) {
                if (column.isMissing(row)) {
                    values.add(column.name(), JsonNull.INSTANCE);
                } else if (column instanceof NumericColumn<?> numbers) {
                    values.addProperty(column.name(), numbers.getDouble(row));
                } else {
                    values.addProperty(column.name(), column.getString(row));
                }
            }
            rows.add(values);
        }
        return GSON.toJson(rows);
    }
}
