package xs.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntFunction;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import xs.syntax.antlr.XsLexer;

/**
 * Sits between the lexer and the parser and decides which newlines matter.
 *
 * <p>A newline ends an item (statement, attribute, declaration, object entry) except:
 * inside parentheses; after a line that ends with a binary operator, '=', ':' or ','; and
 * before a line that starts with a binary operator or '|' (the seed writes {@code && …} on the
 * next line of a where clause; real exports continue with {@code |filter}). Runs of newlines
 * collapse into one. Keeping this out of the grammar keeps the grammar LL(2)-simple.
 *
 * <p>It also balances brackets, so an unclosed block is reported against the line that opened
 * it, and it stops at an absurd nesting depth before the parser's recursion could overflow.
 */
final class NewlineFilter implements TokenSource {
    static final int MAX_DEPTH = 1000;

    private final XsLexer lexer;
    private final Deque<Token> pending = new ArrayDeque<>();
    private final Deque<OpenBracket> open = new ArrayDeque<>();
    private final List<BracketProblem> problems = new ArrayList<>();
    private int lastType = -1;
    // The first word of the current line ({@code stack}, {@code db.query}) as offsets, to name a
    // block opened on it; kept as offsets because text is only needed for a problem report.
    private int headStart = -1;
    private int headEnd = -1;
    private boolean extendingHead;
    private boolean headAfterDot;
    private int lineHeadDepth = -1;
    private boolean stopped;
    private Token eof;

    private final IntFunction<String> positionOf;

    /** @param positionOf renders an offset of the lexer's input as {@code line:col} */
    NewlineFilter(XsLexer lexer, IntFunction<String> positionOf) {
        this.lexer = lexer;
        this.positionOf = positionOf;
    }

    List<BracketProblem> problems() {
        return problems;
    }

    @Override
    public Token nextToken() {
        while (true) {
            Token t = pull();
            int type = t.getType();
            if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                return t;
            }
            if (type == Token.EOF) {
                reportUnclosed(t);
                return t;
            }
            if (type == XsLexer.NL) {
                headStart = -1;
                lineHeadDepth = -1;
                if (keepNewline()) {
                    lastType = type;
                    return t;
                }
                continue;
            }
            trackBrackets(t);
            if (stopped) {
                return endOfInput(t);
            }
            trackLineHead(t);
            lastType = type;
            return t;
        }
    }

    private boolean keepNewline() {
        if (lastType == XsLexer.NL || lastType == -1) {
            return false;
        }
        if (!open.isEmpty() && open.peek().type() == XsLexer.LPAREN) {
            return false;
        }
        if (continuesAfter(lastType)) {
            return false;
        }
        Token next = peekSignificant();
        return next == null || !continuesBefore(next.getType());
    }

    /** A line ending with one of these goes on to the next line. */
    private static boolean continuesAfter(int type) {
        return isBinaryOperator(type) || type == XsLexer.ASSIGN || type == XsLexer.QASSIGN
            || type == XsLexer.COLON || type == XsLexer.COMMA || type == XsLexer.PIPE;
    }

    /** A line starting with one of these continues the previous one. */
    private static boolean continuesBefore(int type) {
        return type == XsLexer.PIPE || type == XsLexer.QUESTION || type == XsLexer.COLON
            || (isBinaryOperator(type) && type != XsLexer.MINUS);
    }

    private static boolean isBinaryOperator(int type) {
        switch (type) {
            case XsLexer.AND, XsLexer.OR, XsLexer.COALESCE, XsLexer.EQ, XsLexer.NE, XsLexer.STRICT_EQ,
                XsLexer.STRICT_NE, XsLexer.GE, XsLexer.LE, XsLexer.GT, XsLexer.LT, XsLexer.TILDE,
                XsLexer.PLUS, XsLexer.MINUS, XsLexer.STAR, XsLexer.SLASH, XsLexer.PERCENT,
                XsLexer.RANGE, XsLexer.NOT_REGEX, XsLexer.JSON_CONTAINS:
                return true;
            default:
                return false;
        }
    }

    private Token peekSignificant() {
        for (Token t : pending) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != XsLexer.NL) {
                return t;
            }
        }
        while (true) {
            Token t = lexer.nextToken();
            pending.addLast(t);
            if (t.getType() == Token.EOF) {
                return null;
            }
            if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != XsLexer.NL) {
                return t;
            }
        }
    }

    private Token pull() {
        Token t = pending.pollFirst();
        return t != null ? t : lexer.nextToken();
    }

    /** Remembers the first word of a line ({@code stack}, {@code db.query}) to name its block. */
    private void trackLineHead(Token t) {
        int type = t.getType();
        boolean word = isWord(type);
        if (headStart < 0) {
            if (word) {
                headStart = t.getStartIndex();
                headEnd = t.getStopIndex() + 1;
                lineHeadDepth = open.size();
                extendingHead = true;
                headAfterDot = false;
            }
            return;
        }
        if (!extendingHead) {
            return;
        }
        if (type == XsLexer.DOT && !headAfterDot) {
            headAfterDot = true;
        } else if (word && headAfterDot) {
            headEnd = t.getStopIndex() + 1;
            headAfterDot = false;
        } else {
            extendingHead = false;
        }
    }

    private static boolean isWord(int type) {
        return type == XsLexer.IDENT || (type >= XsLexer.TRUE && type <= XsLexer.SEARCH);
    }

    private void trackBrackets(Token t) {
        int type = t.getType();
        if (type == XsLexer.LPAREN || type == XsLexer.LBRACK || type == XsLexer.LBRACE) {
            if (open.size() >= MAX_DEPTH) {
                problems.add(new BracketProblem(t.getStartIndex(), 1,
                    "brackets are nested more than " + MAX_DEPTH + " levels deep", true));
                stopped = true;
                return;
            }
            open.push(opening(t));
            return;
        }
        int expected = switch (type) {
            case XsLexer.RPAREN -> XsLexer.LPAREN;
            case XsLexer.RBRACK -> XsLexer.LBRACK;
            case XsLexer.RBRACE -> XsLexer.LBRACE;
            default -> -1;
        };
        if (expected < 0) {
            return;
        }
        if (open.isEmpty()) {
            problems.add(new BracketProblem(t.getStartIndex(), 1,
                "unexpected '" + t.getText() + "': nothing is open here to close", false));
            return;
        }
        OpenBracket top = open.peek();
        if (top.type() == expected) {
            open.pop();
            return;
        }
        problems.add(new BracketProblem(t.getStartIndex(), 1,
            "expected '" + closerOf(top.type()) + "' to close " + describe(top) + " opened at "
                + position(top.offset()) + ", found '" + t.getText() + "'", false));
        if (open.stream().noneMatch(o -> o.type() == expected)) {
            // Nothing of its kind is open: a typo for the innermost closer, as in `(1 + 2]`.
            open.pop();
            return;
        }
        // Assume the inner bracket was left open and the closer belongs further out.
        while (!open.isEmpty() && open.peek().type() != expected) {
            open.pop();
        }
        if (!open.isEmpty()) {
            open.pop();
        }
    }

    /** Records what a bracket opens; its description is only written if it is ever reported. */
    private OpenBracket opening(Token t) {
        int type = t.getType();
        boolean valuePosition = lastType == XsLexer.ASSIGN || lastType == XsLexer.COLON
            || lastType == XsLexer.COMMA || lastType == XsLexer.LPAREN || lastType == XsLexer.LBRACK
            || lastType == XsLexer.QASSIGN || lastType == XsLexer.ELLIPSIS || isBinaryOperator(lastType)
            || (lastType == XsLexer.NL && !open.isEmpty() && open.peek().type() == XsLexer.LBRACK);
        boolean headed = headStart >= 0 && lineHeadDepth == open.size();
        return new OpenBracket(type, t.getStartIndex(), valuePosition, headed ? headStart : -1, headed ? headEnd : -1);
    }

    private String describe(OpenBracket b) {
        if (b.type() == XsLexer.LPAREN) {
            return "the '('";
        }
        if (b.type() == XsLexer.LBRACK) {
            return "the array";
        }
        if (b.valuePosition()) {
            return "the object";
        }
        if (b.headStart() >= 0) {
            String head = lexer.getInputStream().getText(Interval.of(b.headStart(), b.headEnd() - 1));
            return "the " + head + " block";
        }
        return "the block";
    }

    private void reportUnclosed(Token eofToken) {
        if (open.isEmpty() || stopped) {
            return;
        }
        OpenBracket innermost = open.peek();
        problems.add(new BracketProblem(eofToken.getStartIndex(), 0,
            "expected '" + closerOf(innermost.type()) + "' to close " + describe(innermost) + " opened at "
                + position(innermost.offset()) + ", found end of file", false));
        open.clear();
    }

    private Token endOfInput(Token at) {
        if (eof == null) {
            eof = lexer.getTokenFactory().create(
                new org.antlr.v4.runtime.misc.Pair<>(lexer, lexer.getInputStream()), Token.EOF, "<EOF>",
                Token.DEFAULT_CHANNEL, at.getStartIndex(), at.getStartIndex() - 1, at.getLine(),
                at.getCharPositionInLine());
        }
        return eof;
    }

    private String position(int offset) {
        return positionOf.apply(offset);
    }

    private static char closerOf(int type) {
        return type == XsLexer.LPAREN ? ')' : type == XsLexer.LBRACK ? ']' : '}';
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
