package xs.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import xs.ast.Program;
import xs.db.ColumnSchema;
import xs.db.Database;
import xs.db.TableSchema;
import xs.interp.TableDefinitions;

/**
 * What a reload ({@code xs serve --watch}) does to the database: a new {@code table} block
 * creates its table (with its {@code items}); a changed one is declared again, so new columns
 * appear and values are converted as far as the engine can; a table whose block is gone keeps its
 * rows. Nothing is dropped: a column no longer declared stays in the table with its values (said
 * once in the log), and a table that is unchanged is not touched at all.
 * <pre>table user { schema { int id  text name  text nickname? } }   // nickname added: existing rows get null</pre>
 */
public final class TableUpdate {
    private TableUpdate() {
    }

    /**
     * Declares the tables of {@code after} that are new or differ from {@code before}.
     *
     * @throws xs.db.DbException when the engine cannot take a declaration (a unique index over
     *                           duplicate values); tables declared before it keep their new shape
     */
    public static void apply(Database db, Program before, Program after, Consumer<String> log) {
        Map<String, TableSchema> old = new LinkedHashMap<>();
        for (TableSchema t : TableDefinitions.of(before)) {
            old.putIfAbsent(t.name(), t);
        }
        for (TableSchema t : TableDefinitions.of(after)) {
            TableSchema was = old.get(t.name());
            if (t.equals(was)) {
                continue;
            }
            db.define(keepingColumns(db, t, was, log));
        }
    }

    /** The new declaration plus the columns the table has now that it no longer declares. */
    private static TableSchema keepingColumns(Database db, TableSchema declared, TableSchema was, Consumer<String> log) {
        TableSchema current = db.schema(declared.name()).orElse(null);
        if (current == null) {
            return declared;
        }
        List<ColumnSchema> columns = new ArrayList<>(declared.columns());
        for (ColumnSchema c : current.columns()) {
            if (declared.columns().stream().noneMatch(d -> d.name().equals(c.name())) && !c.name().equals("id")) {
                columns.add(c);
                if (was != null && was.columns().stream().anyMatch(w -> w.name().equals(c.name()))) {
                    log.accept("table " + declared.name() + ": column " + c.name() + " is no longer declared; its "
                        + "values are kept while xs serve runs");
                }
            }
        }
        if (columns.size() == declared.columns().size()) {
            return declared;
        }
        return new TableSchema(declared.name(), columns, declared.indexes(), declared.items(), declared.auth());
    }
}
