package xs.syntax;

/**
 * A bracket that does not balance: found while filtering tokens, before the parser sees them,
 * so the message can name the opening bracket instead of a parser state.
 */
record BracketProblem(int offset, int length, String message, boolean tooDeep) {
}
