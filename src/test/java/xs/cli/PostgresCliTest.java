package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xs.testing.PostgresServer;

/** run and test with {@code --db}: the same answers as in memory, data kept between runs, throwaway test schemas. */
class PostgresCliTest {
    @TempDir
    Path dir;

    private String jdbc;
    private String database;
    private String url;

    @BeforeEach
    void database() throws Exception {
        PostgresServer server = PostgresServer.shared();
        String base = server.url();
        jdbc = "jdbc:" + base.replace("xs@", "");
        database = "cli_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(jdbc, "xs", null); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        url = base.replace("/postgres", "/" + database);
    }

    @AfterEach
    void drop() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "xs", null); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private long schemas(String prefix) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc.replace("/postgres", "/" + database), "xs", null);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE '"
                 + prefix + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void testBlocksGiveTheSameResultsAndLeaveNoSchemaBehind() throws Exception {
        Path f = dir.resolve("suite.xs");
        Files.writeString(f, TestCommandTest.SUITE);
        Cli.Result r = Cli.run("test", f.toString(), "--db", url);
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("4 passed, 2 failed", lines[lines.length - 1], r.out());
        assertEquals(0, schemas("xs_test_"));
    }

    @Test
    void runsShareTheTablesBetweenProcesses() throws Exception {
        Path f = dir.resolve("notes.xs");
        Files.writeString(f, """
            table note {
              schema {
                int id
                text body
              }
            }
            ---
            function add_note {
              input {
                text body
              }
              stack {
                db.add note {
                  data = {body: $input.body}
                } as $note
                db.query note {
                  return = {type: "count"}
                } as $count
              }
              response = {id: $note.id, count: $count}
            }
            """);
        Cli.Result first = Cli.run("run", f.toString(), "--db", url, "--input", "{\"body\": \"one\"}", "--format", "json");
        assertEquals(0, first.code(), first.out() + first.err());
        Cli.Result second = Cli.run("run", f.toString(), "--db", url, "--input", "{\"body\": \"two\"}", "--format", "json");
        assertEquals(0, second.code(), second.out() + second.err());
        assertTrue(second.out().replaceAll("\\s", "").contains("\"response\":{\"id\":2,\"count\":2}"), second.out());
    }

    @Test
    void poolOptionsAreCheckedAndUsed() throws Exception {
        Path f = dir.resolve("f.xs");
        Files.writeString(f, "function f {\n  stack {\n  }\n  response = 1\n}\n");
        Cli.Result zero = Cli.run("run", f.toString(), "--db", url, "--db-pool-size", "0");
        assertEquals(2, zero.code(), zero.out() + zero.err());
        assertEquals("xs: --db-pool-size is a whole number from 1 to 1000, not 0", zero.err().strip());
        Cli.Result fast = Cli.run("run", f.toString(), "--db", url, "--db-timeout", "0.1");
        assertEquals(2, fast.code(), fast.out() + fast.err());
        assertEquals("xs: --db-timeout is seconds from 0.25 to 3600, not 0.1", fast.err().strip());
        Cli.Result ok = Cli.run("run", f.toString(), "--db", url + "?ApplicationName=xs-test", "--db-pool-size", "1",
            "--db-timeout", "2");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        Cli.Result help = Cli.run("serve", "--help");
        assertTrue(help.out().contains("--db-pool-size") && help.out().contains("default: 10"), help.out());
        assertTrue(help.out().contains("--db-timeout") && help.out().contains("default: 5"), help.out());
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aServerThatAcceptsAndNeverAnswersIsOneLineAndExitTwo() throws Exception {
        // The kernel completes the TCP handshake for the backlog; nothing ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Path f = dir.resolve("f.xs");
            Files.writeString(f, "function f {\n  stack {\n  }\n  response = 1\n}\n");
            Cli.Result r = Cli.run("run", f.toString(), "--db", "postgresql://xs@127.0.0.1:" + silent.getLocalPort() + "/app",
                "--db-timeout", "1");
            assertEquals(2, r.code(), r.out() + r.err());
            assertTrue(r.err().startsWith("xs: cannot connect to PostgreSQL at postgresql://xs@127.0.0.1:"), r.err());
            assertEquals(1, r.err().strip().split("\n").length, r.err());
        }
    }

    @Test
    void anUnreachableServerIsOneLineAndExitTwo() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path f = dir.resolve("f.xs");
        Files.writeString(f, "function f {\n  stack {\n  }\n  response = 1\n}\n");
        Cli.Result r = Cli.run("run", f.toString(), "--db", "postgresql://xs:secret@127.0.0.1:" + port + "/app");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("xs: cannot connect to PostgreSQL at postgresql://xs@127.0.0.1:" + port + "/app"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        assertTrue(!r.err().contains("secret"), r.err());
        Cli.Result bad = Cli.run("run", f.toString(), "--db", "mysql://x/y");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("xs: --db: expected postgresql://"), bad.err());
    }
}
