package xs.syntax;

/**
 * A bracket that is open at some point of the token stream: where, and enough to say what it
 * opens if it is never closed ("the stack block opened at 12:3").
 *
 * @param valuePosition the bracket follows '=' or ':' and so opens an object or array
 * @param headStart     start offset of the first word of its line ({@code stack}), or -1
 * @param headEnd       end offset of that word, dotted parts included ({@code db.query})
 */
record OpenBracket(int type, int offset, boolean valuePosition, int headStart, int headEnd) {
}
