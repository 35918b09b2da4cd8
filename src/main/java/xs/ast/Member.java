package xs.ast;

/**
 * An item of a brace block: {@code key = value}, {@code input {…}}, {@code stack {…}} or a
 * statement (which, at construct level, is a sub-block such as {@code test "x" {…}}).
 */
public sealed interface Member extends Node permits Attribute, DeclBlock, StackClause, Stmt {
}
