package xs.syntax;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import xs.source.Source;
import xs.syntax.antlr.XsLexer;
import xs.syntax.antlr.XsParser;

/**
 * Reports where the grammar makes ANTLR work harder than it should: true ambiguities (two
 * readings of the same text) and full-LL fallbacks (a file the fast SLL pass rejects although it
 * is correct, so the parser must run again in LL mode). The grammar is meant to have neither; a
 * test runs this over the corpus.
 */
public final class GrammarHealth {
    private GrammarHealth() {
    }

    /** Human-readable reports for one source; empty when the grammar handled it cleanly. */
    public static List<String> report(Source source) {
        List<String> reports = new ArrayList<>();
        XsParser sll = parser(source);
        sll.getInterpreter().setPredictionMode(PredictionMode.SLL);
        sll.setErrorHandler(new BailErrorStrategy());
        boolean sllParsed;
        try {
            sll.file();
            sllParsed = true;
        } catch (ParseCancellationException e) {
            sllParsed = false;
        }
        XsParser parser = parser(source);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
        boolean[] llFailed = {false};
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void reportAmbiguity(Parser p, DFA dfa, int start, int stop, boolean exact, BitSet alts,
                                        ATNConfigSet configs) {
                reports.add(where(source, p, start) + ": ambiguity in rule " + rule(p, dfa) + " between alternatives " + alts);
            }

            @Override
            public void syntaxError(org.antlr.v4.runtime.Recognizer<?, ?> r, Object symbol, int line, int col,
                                    String msg, org.antlr.v4.runtime.RecognitionException e) {
                llFailed[0] = true;
            }
        });
        parser.file();
        if (!sllParsed && !llFailed[0]) {
            reports.add(source.name() + ": full-LL fallback: SLL rejects this file but LL parses it");
        }
        return reports;
    }

    private static XsParser parser(Source source) {
        XsLexer lexer = new XsLexer(new Utf16CharStream(source.text(), source.name()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(new NewlineFilter(lexer,
            offset -> source.line(offset) + ":" + source.column(offset)));
        XsParser parser = new XsParser(tokens);
        parser.removeErrorListeners();
        return parser;
    }

    private static String rule(Parser p, DFA dfa) {
        return p.getRuleNames()[dfa.atnStartState.ruleIndex];
    }

    private static String where(Source source, Parser p, int tokenIndex) {
        int offset = p.getTokenStream().get(tokenIndex).getStartIndex();
        return source.name() + ":" + source.line(offset) + ":" + source.column(offset);
    }
}
