package xs.db.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import xs.db.DbException;

/** Placeholders found where PostgreSQL's JDBC driver finds them, raw text pasted, positions mapped back. */
class SqlTemplateTest {
    private static SqlTemplate.Prepared prepare(String sql, Object... args) {
        return SqlTemplate.prepare(sql, Arrays.asList(args));
    }

    @Test
    void questionMarksInQuotesCommentsAndDollarQuotesAreText() {
        SqlTemplate.Prepared p = prepare("SELECT '?', \"a?\", E'\\'?', $$?$$, $t$ ? $t$ /* ? /* ? */ */ -- ?\n, ?", 1L);
        assertEquals(1, p.statements().size());
        assertEquals(List.of(1L), p.statements().get(0).args());
    }

    @Test
    void rawArgumentsArePastedAndTheirQuestionMarksEscaped() {
        SqlTemplate.Prepared p = prepare("SELECT * FROM ?:raw WHERE a = ? AND b ?? 'k'", "t WHERE x ? 'y' AND z = '?'", 5L);
        SqlTemplate.Statement s = p.statements().get(0);
        assertEquals("SELECT * FROM t WHERE x ?? 'y' AND z = '?' WHERE a = ? AND b ?? 'k'", s.sql());
        assertEquals(List.of(5L), s.args());
    }

    @Test
    void statementsSplitAtTopLevelSemicolonsWithTheirOwnArguments() {
        SqlTemplate.Prepared p = prepare("INSERT INTO t VALUES (?); SELECT ';', ? ;  ", "a", "b");
        assertEquals(2, p.statements().size());
        assertEquals(List.of("a"), p.statements().get(0).args());
        assertEquals(List.of("b"), p.statements().get(1).args());
        assertEquals(" SELECT ';', ? ", p.statements().get(1).sql());
        assertEquals(25, p.statements().get(1).offset());
    }

    @Test
    void argumentCountsMustMatch() {
        DbException few = assertThrows(DbException.class, () -> prepare("SELECT ?, ?:raw", 1L));
        assertEquals("the SQL has 2 placeholders (? and ?:raw) but 1 arg was given", few.getMessage());
        DbException many = assertThrows(DbException.class, () -> prepare("SELECT ?", 1L, 2L));
        assertTrue(many.getMessage().startsWith("the SQL has 1 placeholder (? and ?:raw) but 2 args"), many.getMessage());
    }

    @Test
    void serverPositionsMapBackPastNumberedPlaceholders() {
        // PostgreSQL sees "SELECT $1, $2, ? FORM": FORM at 1-based position 18 there, 16 (0-based) here.
        String sql = "SELECT ?, ?, ?? FORM";
        assertEquals(16, SqlTemplate.fromServerPosition(sql, 18));
        assertEquals("at line 2, column 3 (near `FORM x`)", PgDirectQuery.where("SELECT 1\n  FORM x", 11));
    }
}
