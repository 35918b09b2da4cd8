package xs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Construct;
import xs.ast.GenericStmt;
import xs.ast.Program;
import xs.ast.Stmt;
import xs.ast.Walk;
import xs.db.DbException;
import xs.db.TableSchema;
import xs.db.engines.Engines;
import xs.db.hooks.WriteHooks;
import xs.interp.Json;
import xs.interp.Lambdas;
import xs.interp.TableDefinitions;
import xs.services.lambda.DenoLambdas;

/**
 * Builds what a program runs against: the database with its declared tables, their items and
 * the seed data of {@code --data FILE.json}. Shared by run, test and serve.
 */
final class ProgramSetup {
    private static DenoLambdas lambdas;

    private ProgramSetup() {
    }

    /**
     * What runs api.lambda: one pool of Deno workers for the whole process, started on the first
     * call (a process that runs no lambda starts no Deno) and stopped when the process exits.
     */
    static synchronized Lambdas lambdas() {
        if (lambdas == null) {
            lambdas = DenoLambdas.forProcess(System.getenv());
        }
        return lambdas;
    }

    /** Starts a lambda worker in the background when the program has an api.lambda, so its first call is warm. */
    static void warmLambdas(Program program) {
        boolean[] found = {false};
        for (Construct c : program.constructs()) {
            Walk.construct(c, new Walk.Listener() {
                @Override
                public void statement(Stmt s) {
                    found[0] |= s instanceof GenericStmt g && g.name().equals("api.lambda");
                }
            });
        }
        if (found[0]) {
            lambdas();
            lambdas.warm();
        }
    }

    /** A problem with the user's setup files, reported as a usage error. */
    static final class SetupException extends Exception {
        SetupException(String message) {
            super(message);
        }
    }

    /**
     * PostgreSQL at url, with at most poolSize connections, each wait for one up to timeoutMillis;
     * a statement outside any run may take up to statementMillis (the run time limit; 0: none).
     */
    record Postgres(String url, int poolSize, long timeoutMillis, long statementMillis) {
    }

    static WriteHooks database(Program program, Path dataFile, Path dataDir) throws SetupException {
        return database(program, dataFile, dataDir, null, false);
    }

    /**
     * The database of run and serve (dbUrl: PostgreSQL, where dataDir keeps only the node's files;
     * else embedded, durable with dataDir), or
     * with throwaway the one of a single xs test test (PostgreSQL: a schema of its own, dropped
     * when the database is closed).
     */
    static WriteHooks database(Program program, Path dataFile, Path dataDir, Postgres postgres, boolean throwaway)
        throws SetupException {
        String dbUrl = postgres == null ? null : postgres.url();
        WriteHooks db;
        try {
            if (dbUrl != null) {
                db = throwaway ? Engines.throwaway(dbUrl, postgres.timeoutMillis(), postgres.statementMillis())
                    : Engines.postgres(dbUrl, postgres.poolSize(), postgres.timeoutMillis(), postgres.statementMillis());
            } else {
                db = dataDir == null ? Engines.inMemory() : Engines.durable(dataDir);
            }
        } catch (IllegalArgumentException e) {
            throw new SetupException("--db: " + e.getMessage());
        } catch (DbException e) {
            throw new SetupException(dbUrl != null ? e.getMessage() : "cannot open the data directory " + dataDir + ": " + e.getMessage());
        }
        // A data directory that already holds rows keeps them: seed data goes into a new one only.
        boolean fresh = db.tables().isEmpty();
        try {
            for (TableSchema t : TableDefinitions.of(program)) {
                db.define(t);
            }
        } catch (DbException e) {
            db.close();
            throw new SetupException("cannot set up the declared tables: " + e.getMessage());
        }
        if (dataFile != null && fresh) {
            try {
                seed(db, dataFile);
            } catch (SetupException e) {
                db.close();
                throw e;
            }
        }
        return db;
    }

    @SuppressWarnings("unchecked")
    private static void seed(WriteHooks db, Path file) throws SetupException {
        Object data;
        try {
            data = Json.read(Files.readString(file));
        } catch (IOException e) {
            throw new SetupException("cannot read the data file " + file + ": " + e.getMessage());
        } catch (Json.Malformed e) {
            throw new SetupException("the data file " + file + " is not valid: " + e.getMessage());
        }
        if (!(data instanceof Map<?, ?> tables)) {
            throw new SetupException("the data file " + file + " must hold an object like {\"table\": [rows...]}");
        }
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : tables.entrySet()) {
            if (!(e.getValue() instanceof List<?> list)) {
                throw new SetupException("the data file " + file + ": \"" + e.getKey() + "\" must be an array of rows");
            }
            List<Map<String, Object>> typed = new ArrayList<>();
            for (Object row : list) {
                if (!(row instanceof Map<?, ?>)) {
                    throw new SetupException("the data file " + file + ": every row of \"" + e.getKey()
                        + "\" must be an object");
                }
                typed.add((Map<String, Object>) row);
            }
            rows.put(String.valueOf(e.getKey()), typed);
        }
        try {
            db.seed(rows);
        } catch (DbException e) {
            throw new SetupException("the data file " + file + ": " + e.getMessage());
        }
    }

    /** Parses {@code --input}: JSON text, or {@code @FILE} holding JSON. */
    static Object input(String text) throws SetupException {
        if (text == null) {
            return new LinkedHashMap<String, Object>();
        }
        String json = text;
        String where = "--input";
        if (text.startsWith("@")) {
            Path file = Path.of(text.substring(1));
            where = file.toString();
            try {
                json = Files.readString(file);
            } catch (IOException e) {
                throw new SetupException("cannot read the input file " + file + ": " + e.getMessage());
            }
        }
        try {
            return Json.read(json);
        } catch (Json.Malformed e) {
            throw new SetupException(where + " is not valid JSON: " + e.getMessage());
        }
    }

    /** {@code --env KEY=VALUE} pairs over the process environment. */
    static Map<String, String> environment(List<String> pairs) throws SetupException {
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.putAll(pairs(pairs));
        return env;
    }

    /** Just the {@code --env KEY=VALUE} pairs. */
    static Map<String, String> pairs(List<String> pairs) throws SetupException {
        Map<String, String> env = new LinkedHashMap<>();
        if (pairs != null) {
            for (String pair : pairs) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new SetupException("--env needs KEY=VALUE, got \"" + pair + "\"");
                }
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }
}
