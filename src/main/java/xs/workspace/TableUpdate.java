package xs.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import xs.ast.Construct;
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
        Map<String, Construct> old = new LinkedHashMap<>();
        for (Construct t : before.tables()) {
            old.putIfAbsent(t.name(), t);
        }
        for (Construct table : after.tables()) {
            Construct was = old.get(table.name());
            // The same text declares the same table: most reloads change no table, so none is read again.
            if (was != null && was.span().text().equals(table.span().text())) {
                continue;
            }
            TableSchema schema = TableDefinitions.of(table);
            TableSchema previous = was == null ? null : TableDefinitions.of(was);
            if (!schema.equals(previous)) {
                db.define(keepingColumns(db, schema, previous, log));
            }
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
