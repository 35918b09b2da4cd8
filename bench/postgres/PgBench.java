import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import xs.db.ColumnSchema;
import xs.db.Condition;
import xs.db.Database;
import xs.db.Direction;
import xs.db.IndexSchema;
import xs.db.Op;
import xs.db.Operand;
import xs.db.Paging;
import xs.db.Query;
import xs.db.ReturnSpec;
import xs.db.Sort;
import xs.db.TableSchema;
import xs.db.engines.Engines;

/**
 * The cost of the xs database layer over plain JDBC on PostgreSQL, in one run: the same work
 * (an indexed lookup, an insert, a page of a filtered query) through {@link Database} (the
 * engine under its write hooks, as the interpreter holds it) and through hand-written JDBC on
 * a HikariCP pool of the same size sending the statements xs sends (db.get is the first row by id:
 * ORDER BY id LIMIT 1), each reading rows into the same plain Java values.
 * The two alternate in short slices (rounds x 10 slices of ops / (rounds x 10) calls each), so
 * load on the machine falls on both alike; "xs cost" is xs's total time over JDBC's, minus one;
 * "median slice" the median over the slices of an xs slice's time over the JDBC slice next to it.
 * Usage: PgBench postgresql://USER@HOST:PORT/DB [rounds] [ops]
 */
public final class PgBench {
    private static final int ROWS = 100_000;

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int ops = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        try (Database xs = Engines.postgres(url, 4, 5_000); HikariDataSource jdbc = pool(url)) {
            setUp(xs);
            Random random = new Random(42);
            System.out.printf("%-8s %12s %12s %10s %13s%n", "work", "xs ops/s", "jdbc ops/s", "xs cost", "median slice");
            for (String work : List.of("lookup", "insert", "page")) {
                LongSupplier viaXs = xsWork(work, xs, random);
                LongSupplier viaJdbc = jdbcWork(work, jdbc, random);
                for (int warm = 0; warm < 3; warm++) {
                    time(ops / 10, viaXs);
                    time(ops / 10, viaJdbc);
                }
                // Many short slices, alternating and in turn first, so both see the same machine load.
                long xsNanos = 0;
                long jdbcNanos = 0;
                int slices = rounds * 10;
                int slice = Math.max(1, ops / slices);
                double[] ratios = new double[slices];
                for (int r = 0; r < slices; r++) {
                    long x;
                    long j;
                    if (r % 2 == 0) {
                        x = time(slice, viaXs);
                        j = time(slice, viaJdbc);
                    } else {
                        j = time(slice, viaJdbc);
                        x = time(slice, viaXs);
                    }
                    xsNanos += x;
                    jdbcNanos += j;
                    ratios[r] = x / (double) j;
                }
                java.util.Arrays.sort(ratios);
                long total = (long) slice * slices;
                System.out.printf("%-8s %12d %12d %9.1f%% %12.1f%%%n", work, Math.round(total / (xsNanos / 1e9)),
                    Math.round(total / (jdbcNanos / 1e9)), (xsNanos / (double) jdbcNanos - 1) * 100,
                    (ratios[slices / 2] - 1) * 100);
            }
        }
    }

    private static HikariDataSource pool(String url) {
        var settings = xs.db.postgres.PgSettings.parse(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + settings.host() + ":" + settings.port() + "/" + settings.database());
        config.setUsername(settings.user());
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    private static TableSchema table(String name) {
        return new TableSchema(name, List.of(ColumnSchema.of("id", "int"), ColumnSchema.of("code", "int"),
            ColumnSchema.of("name", "text"), ColumnSchema.of("price", "decimal"), ColumnSchema.of("at", "timestamp")),
            List.of(new IndexSchema("btree|unique", List.of("code"))), List.of(), false);
    }

    private static void setUp(Database xs) {
        for (String t : List.of("item", "added_xs", "added_jdbc")) {
            xs.define(table(t));
            xs.truncate(t, true);
        }
        List<Map<String, Object>> chunk = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            chunk.add(row(i));
            if (chunk.size() == 5_000) {
                xs.bulkAdd("item", chunk);
                chunk.clear();
            }
        }
    }

    private static Map<String, Object> row(long code) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("name", "item " + code);
        row.put("price", BigDecimal.valueOf(code % 1000, 2));
        row.put("at", 1_700_000_000_000L + code);
        return row;
    }

    private static long nextCode = 10_000_000;

    private static LongSupplier xsWork(String work, Database xs, Random random) {
        return switch (work) {
            case "lookup" -> () -> xs.get("item", "code", (long) random.nextInt(ROWS)).size();
            case "insert" -> () -> xs.add("added_xs", row(nextCode++)).size();
            default -> () -> {
                Condition where = new Condition.Compare(new Operand.Column(null, "price"), Op.GT,
                    new Operand.Constant(new BigDecimal("5.00")));
                long page = 1 + random.nextInt(100);
                Object result = xs.query(new Query("item", where, List.of(new Sort("id", Direction.ASC)),
                    new ReturnSpec("list", new Paging(page, 25, 0, false)), null, null));
                return ((List<?>) ((Map<?, ?>) result).get("items")).size();
            };
        };
    }

    private static LongSupplier jdbcWork(String work, HikariDataSource jdbc, Random random) {
        return switch (work) {
            case "lookup" -> () -> jdbc(jdbc, "SELECT * FROM item WHERE code = ? ORDER BY id LIMIT 1", ps -> ps.setLong(1, random.nextInt(ROWS)));
            case "insert" -> () -> {
                Map<String, Object> row = row(nextCode++);
                return jdbc(jdbc, "INSERT INTO added_jdbc (code, name, price, at) VALUES (?, ?, ?, ?) RETURNING *", ps -> {
                    ps.setLong(1, (Long) row.get("code"));
                    ps.setString(2, (String) row.get("name"));
                    ps.setBigDecimal(3, (BigDecimal) row.get("price"));
                    ps.setObject(4, OffsetDateTime.ofInstant(Instant.ofEpochMilli((Long) row.get("at")), ZoneOffset.UTC));
                });
            };
            default -> () -> {
                long page = 1 + random.nextInt(100);
                return jdbc(jdbc, "SELECT * FROM item WHERE price > ? ORDER BY id LIMIT 26 OFFSET ?", ps -> {
                    ps.setBigDecimal(1, new BigDecimal("5.00"));
                    ps.setLong(2, (page - 1) * 25);
                });
            };
        };
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** One statement on a pooled connection, every row read into a map of plain values (as xs reads them). */
    private static long jdbc(HikariDataSource pool, String sql, Binder binder) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v != null && meta.getColumnType(i) == Types.TIMESTAMP) {
                            v = rs.getObject(i, OffsetDateTime.class).toInstant().toEpochMilli();
                        }
                        row.put(meta.getColumnLabel(i), v);
                    }
                    rows.add(row);
                }
            }
            return rows.size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nanoseconds that ops calls take. */
    private static long time(int ops, LongSupplier work) {
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            sink += work.getAsLong();
        }
        long nanos = System.nanoTime() - start;
        if (sink < 0) {
            System.out.println(sink);
        }
        return nanos;
    }

}
