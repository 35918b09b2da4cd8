package xs.db.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where and how to connect: parsed from {@code postgresql://USER:PASS@HOST:PORT/DB}, with the
 * pool's size and connect timeout, how long a statement issued outside any run may take (a run's
 * statements get what the run has left, {@link xs.db.TimeLeft}), and optionally a schema of its
 * own (the throwaway schema of {@code xs test --db}). A query string ({@code ?sslmode=require}) goes to the PostgreSQL JDBC
 * driver as its connection properties.
 *
 * <pre>xs serve app/ --db postgresql://xs:secret@127.0.0.1:5432/app</pre>
 */
public record PgSettings(String host, int port, String database, String user, String password, String schema,
                         int poolSize, long connectTimeoutMillis, String parameters, long statementMillis) {
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;
    /** A statement outside any run (table set-up, the console's table browser) may take as long as a run may by default. */
    public static final long DEFAULT_STATEMENT_MILLIS = 30_000;

    /** Parses a {@code postgresql://} (or {@code postgres://}) URL; an IllegalArgumentException says what is wrong. */
    public static PgSettings parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + e.getMessage());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("expected postgresql://USER:PASS@HOST:PORT/DB, got " + shownUrl(url));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the PostgreSQL URL names no host: " + shownUrl(url));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the PostgreSQL URL names no database: " + shownUrl(url));
        }
        String user = null, password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new PgSettings(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), decode(path), user, password, null,
            DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT_MILLIS, uri.getRawQuery(), DEFAULT_STATEMENT_MILLIS);
    }

    /** The same settings with every table in a schema of its own. */
    public PgSettings withSchema(String name) {
        return new PgSettings(host, port, database, user, password, name, poolSize, connectTimeoutMillis, parameters,
            statementMillis);
    }

    public PgSettings withPool(int size, long connectTimeout) {
        return new PgSettings(host, port, database, user, password, schema, size, connectTimeout, parameters, statementMillis);
    }

    /** The same settings where a statement issued outside any run may take millis (0: no limit). */
    public PgSettings withStatementLimit(long millis) {
        return new PgSettings(host, port, database, user, password, schema, poolSize, connectTimeoutMillis, parameters, millis);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (parameters == null ? "" : "?" + parameters);
    }

    /** The URL without its password, for messages. */
    public String shown() {
        return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }

    private static String shownUrl(String url) {
        return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
