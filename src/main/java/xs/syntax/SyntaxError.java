package xs.syntax;

import org.antlr.v4.runtime.Token;

/** One error the parser reported, before it is turned into a diagnostic. */
record SyntaxError(Token token, String message) {
}
