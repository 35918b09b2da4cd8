package xs.syntax;

import java.util.List;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.Pair;
import xs.syntax.antlr.XsLexer;
import xs.syntax.antlr.XsParser;

/**
 * ANTLR's recovery, with messages in plain words ("expected '=' after 'value'") instead of
 * token-set talk ("mismatched input 'x' expecting {NL, '='}").
 */
final class PlainErrorStrategy extends DefaultErrorStrategy {

    // At the end of the file every open rule only misses its closer again. The default recovery
    // computes the full follow set for each of them, which costs time quadratic in the nesting
    // depth (a cut-off file with 1000 open brackets took seconds); these overrides skip that work
    // once an error has been reported. The errors found so far are all kept.

    @Override
    public void sync(Parser parser) throws RecognitionException {
        if (!atEndAfterError(parser)) {
            super.sync(parser);
        }
    }

    @Override
    public void recover(Parser parser, RecognitionException e) {
        if (!atEndAfterError(parser)) {
            super.recover(parser, e);
        }
    }

    @Override
    public Token recoverInline(Parser parser) throws RecognitionException {
        if (!atEndAfterError(parser)) {
            return super.recoverInline(parser);
        }
        Token end = parser.getCurrentToken();
        return parser.getTokenFactory().create(new Pair<>(end.getTokenSource(), end.getTokenSource().getInputStream()),
            Token.INVALID_TYPE, "<missing>", Token.DEFAULT_CHANNEL, -1, -1, end.getLine(), end.getCharPositionInLine());
    }

    private boolean atEndAfterError(Parser parser) {
        return inErrorRecoveryMode(parser) && parser.getCurrentToken().getType() == Token.EOF;
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token offending = e.getOffendingToken();
        parser.notifyErrorListeners(offending, unexpected(parser, offending), e);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        Token offending = e.getOffendingToken();
        String message = "expected " + TokenNames.describe(e.getExpectedTokens()) + where(parser)
            + ", found " + TokenNames.describe(offending) + wordHint(parser, offending);
        parser.notifyErrorListeners(offending, message, e);
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        parser.notifyErrorListeners(t, unexpected(parser, t), null);
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token t = parser.getCurrentToken();
        IntervalSet expecting = getExpectedTokens(parser);
        parser.notifyErrorListeners(t, "expected " + TokenNames.describe(expecting) + where(parser)
            + ", found " + TokenNames.describe(t) + wordHint(parser, t), null);
    }

    private static String unexpected(Parser parser, Token t) {
        if (t.getType() == Token.EOF) {
            return "unexpected end of file" + where(parser);
        }
        return "unexpected " + TokenNames.describe(t) + where(parser) + hint(parser, t);
    }

    /**
     * The spellings of other languages for {@code elseif} ({@code else_if}, {@code elif},
     * {@code elsif}), at the token or just before it.
     */
    private static String wordHint(Parser parser, Token t) {
        Token before = previous(parser, t, 1);
        for (Token at : before == null ? List.of(t) : List.of(t, before)) {
            switch (at.getText()) {
                case "else_if", "elif", "elsif", "elseIf":
                    return ": XanoScript writes 'elseif' as one word";
                default:
                    break;
            }
        }
        return "";
    }

    /** A hint for the mistakes people make most: {@code else if}, {@code value 1}. */
    private static String hint(Parser parser, Token t) {
        Token before = previous(parser, t, 1);
        if (before == null) {
            return "";
        }
        if (t.getType() == XsLexer.IF && before.getType() == XsLexer.ELSE) {
            return ": XanoScript writes 'elseif' as one word";
        }
        if (!wordHint(parser, t).isEmpty()) {
            return wordHint(parser, t);
        }
        Token start = previous(parser, t, 2);
        if (t.getType() == XsLexer.NL && parser.getContext().getRuleIndex() == XsParser.RULE_decl
            && (start == null || start.getType() == XsLexer.NL || start.getType() == XsLexer.LBRACE)) {
            return ": a field needs a name after its type, as in: " + before.getText() + " count";
        }
        boolean startsItem = start == null || start.getType() == XsLexer.NL || start.getType() == XsLexer.LBRACE;
        boolean word = !before.getText().isEmpty() && Character.isLetter(before.getText().charAt(0));
        if (startsItem && word && startsValue(t.getType())) {
            return " (missing '=' after '" + before.getText() + "'?)";
        }
        return "";
    }

    private static boolean startsValue(int type) {
        return switch (type) {
            case XsLexer.INT, XsLexer.DECIMAL, XsLexer.STRING, XsLexer.SQ_STRING, XsLexer.TRIPLE_STRING,
                XsLexer.VAR, XsLexer.TRUE, XsLexer.FALSE, XsLexer.NULL, XsLexer.LBRACK -> true;
            default -> false;
        };
    }

    /** The n-th significant token before t, or null. */
    private static Token previous(Parser parser, Token t, int n) {
        TokenStream tokens = parser.getInputStream();
        int found = 0;
        for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
            Token p = tokens.get(i);
            if (p.getChannel() == Token.DEFAULT_CHANNEL && ++found == n) {
                return p;
            }
        }
        return null;
    }

    /** Names the construct being read, when that helps the reader find the mistake. */
    private static String where(Parser parser) {
        ParserRuleContext ctx = parser.getContext();
        while (ctx != null) {
            switch (ctx.getRuleIndex()) {
                case XsParser.RULE_attribute:
                    return ctx.getStart() != null ? " in the attribute '" + ctx.getStart().getText() + "'" : "";
                case XsParser.RULE_decl:
                    return " in this input declaration";
                case XsParser.RULE_object:
                    return " in this object";
                case XsParser.RULE_array:
                    return " in this array";
                case XsParser.RULE_filterCall:
                    return " in this filter";
                case XsParser.RULE_construct:
                case XsParser.RULE_block:
                case XsParser.RULE_file:
                    return "";
                default:
                    ctx = ctx.getParent();
            }
        }
        return "";
    }
}
