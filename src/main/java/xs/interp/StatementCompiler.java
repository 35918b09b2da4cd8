package xs.interp;

import xs.ast.GenericStmt;

/** Turns one kind of statement ({@code db.query}, {@code var}, …) into executable form. */
@FunctionalInterface
public interface StatementCompiler {
    Exec compile(GenericStmt statement, Compilation compilation);
}
