package xs.interp;

/** The expect.* assertions of test blocks. */
final class ExpectStatements {
    private ExpectStatements() {
    }

    static void register(StatementRegistry r) {
    }
}
