package xs.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import xs.syntax.antlr.XsLexer;

/** Says tokens and sets of tokens in plain words, for syntax error messages. */
final class TokenNames {
    private TokenNames() {
    }

    static String describe(Token t) {
        if (t == null || t.getType() == Token.EOF) {
            return "end of file";
        }
        String text = t.getText();
        switch (t.getType()) {
            case XsLexer.NL:
                return "end of line";
            case XsLexer.STRING:
            case XsLexer.SQ_STRING:
                return "string " + shorten(text);
            case XsLexer.TRIPLE_STRING:
            case XsLexer.TRIPLE_SQ_STRING:
                return "text block";
            case XsLexer.VAR:
            case XsLexer.DOLLAR2:
                return "variable " + text;
            case XsLexer.INT:
            case XsLexer.DECIMAL:
                return "number " + shorten(text);
            default:
                return "'" + shorten(text) + "'";
        }
    }

    static String describe(IntervalSet expected) {
        List<Integer> types = expected.toList();
        if (types.isEmpty()) {
            return "something else";
        }
        if (startsValue(types)) {
            return types.contains(XsLexer.RBRACE) ? "a value or '}'" : "a value";
        }
        if (types.contains(XsLexer.IDENT) && types.size() > 6) {
            List<String> extra = new ArrayList<>();
            for (int closer : new int[] {XsLexer.RBRACE, XsLexer.RPAREN, XsLexer.RBRACK}) {
                if (types.contains(closer)) {
                    extra.add(symbol(closer));
                }
            }
            return extra.isEmpty() ? "a name" : "a name or " + String.join(" or ", extra);
        }
        List<String> names = new ArrayList<>();
        for (int type : types) {
            String name = symbol(type);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.size() > 5) {
            return String.join(", ", names.subList(0, 5)) + " or another token";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static boolean startsValue(List<Integer> types) {
        return types.contains(XsLexer.VAR) && types.contains(XsLexer.INT) && types.contains(XsLexer.STRING);
    }

    static String symbol(int type) {
        if (type == Token.EOF) {
            return "end of file";
        }
        if (type == XsLexer.NL) {
            return "a new line";
        }
        if (type == XsLexer.IDENT) {
            return "a name";
        }
        if (type == XsLexer.VAR) {
            return "a variable";
        }
        if (type == XsLexer.STRING || type == XsLexer.SQ_STRING) {
            return "a string";
        }
        if (type == XsLexer.INT || type == XsLexer.DECIMAL) {
            return "a number";
        }
        String literal = XsLexer.VOCABULARY.getLiteralName(type);
        if (literal != null) {
            return literal;
        }
        return XsLexer.VOCABULARY.getDisplayName(type).toLowerCase(java.util.Locale.ROOT);
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\n", "\\n").replace("\r", "\\r");
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }
}
