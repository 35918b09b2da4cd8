package xs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.db.hooks.DataSources;
import xs.db.DbException;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.interp.Json;

/**
 * {@code xs data export --data-dir DIR [--datasource NAME] [--out FILE]}: writes every table of a
 * kept database (its {@code live} data source, or the one named) as one {@code --data} file
 * ({@code {"table": [rows...]}}), so a state built by hand becomes a seed.
 */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Work with a kept database (--data-dir).",
    subcommands = DataCommand.Export.class)
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every table of --data-dir (live, or --datasource) as one --data file (stdout unless --out).")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "The database folder of xs serve --data-dir.")
        Path dataDir;

        @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
        Path out;

        @Option(names = "--datasource", paramLabel = "NAME", defaultValue = Database.LIVE,
            description = "The data source to export (default: ${DEFAULT-VALUE}), one that X-Data-Source or "
                + "db.set_datasource made.")
        String datasource;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            if (!Files.isDirectory(dataDir)) {
                err.println("xs: no such data directory: " + dataDir);
                return 2;
            }
            String problem = DataSources.problem(datasource);
            if (problem != null) {
                err.println("xs: --datasource: " + problem);
                return 2;
            }
            Map<String, Object> tables = new LinkedHashMap<>();
            try (Database db = Engines.durable(dataDir)) {
                // Only one that exists: opening any other name would create it, empty, in the folder.
                if (!db.dataSources().contains(datasource)) {
                    err.println("xs: no data source named \"" + datasource + "\" in " + dataDir + " (there are: "
                        + String.join(", ", db.dataSources()) + ")");
                    return 2;
                }
                Database source = db.dataSource(datasource);
                for (String table : new TreeSet<>(source.tables())) {
                    Object rows = source.query(new Query(table, null, null, new ReturnSpec("list", null), null, null));
                    tables.put(table, rows instanceof List<?> ? rows : List.of());
                }
            } catch (DbException e) {
                err.println("xs: cannot read the data directory " + dataDir + ": " + e.getMessage());
                return 2;
            }
            String json = Json.pretty(tables) + "\n";
            if (out == null) {
                spec.commandLine().getOut().print(json);
                spec.commandLine().getOut().flush();
                return 0;
            }
            try {
                Files.writeString(out, json);
            } catch (IOException e) {
                err.println("xs: cannot write " + out + ": " + e.getMessage());
                return 2;
            }
            return 0;
        }
    }
}
