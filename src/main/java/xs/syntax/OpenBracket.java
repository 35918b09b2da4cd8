package xs.syntax;

/**
 * A bracket that is open at some point of the token stream, and what it opens, so an unclosed
 * one can be reported as "the stack block opened at 12:3".
 */
record OpenBracket(int type, int offset, String what) {
}
