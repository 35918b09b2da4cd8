package xs.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import xs.ast.Expr;
import xs.ast.Member;
import xs.ast.Script;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.source.Source;
import xs.source.Span;
import xs.syntax.antlr.XsLexer;
import xs.syntax.antlr.XsParser;

/**
 * Reads XanoScript text into the AST: the one entry point to the front end.
 * <pre>ParseResult r = new ScriptParser().parse(new Source("a.xs", text));</pre>
 *
 * <p>Parsing runs ANTLR in its fast SLL mode first and retries in full LL with error recovery
 * only when SLL fails, so a correct file pays for no more than it needs and a broken one gets
 * the best messages. Callers should run it on a thread with a large stack (see
 * {@code xs.cli.Main}); a stack overflow from pathological nesting still ends in a diagnostic.
 */
public final class ScriptParser {
    private static final int MAX_SYNTAX_ERRORS = 20;

    /** Parses a whole file. */
    public ParseResult parse(Source source) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        Script script = streaming(source, diagnostics);
        if (script == null) {
            diagnostics.clear();
            script = run(source, source.text(), 0, diagnostics, XsParser::file,
                (builder, tree) -> builder.script((XsParser.FileContext) tree));
        }
        if (script == null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
            diagnostics.add(Diagnostic.error(Code.XS0101, new Span(source, 0, 0), "the file could not be read"));
        }
        if (script != null && script.constructs().isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.warning(Code.XS0108, new Span(source, 0, 0),
                "the file is empty: it declares no function, query, table or other construct"));
        }
        return new ParseResult(diagnostics.stream().anyMatch(Diagnostic::isError) ? null : script, diagnostics);
    }

    /**
     * The fast path for correct files: SLL, one construct at a time over an unbuffered token
     * stream, each construct's parse tree dropped once its AST is built, so memory stays
     * proportional to the largest construct rather than the file. Returns null at the first
     * problem; the caller then parses again with full error reporting.
     */
    private Script streaming(Source source, List<Diagnostic> diagnostics) {
        try {
            XsLexer lexer = new XsLexer(new Utf16CharStream(source.text(), source.name()));
            lexer.removeErrorListeners();
            NewlineFilter filter = new NewlineFilter(lexer, offset -> source.line(offset) + ":" + source.column(offset));
            UnbufferedTokenStream<Token> tokens = new UnbufferedTokenStream<>(filter);
            XsParser parser = new XsParser(tokens);
            parser.removeErrorListeners();
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.setErrorHandler(new BailErrorStrategy());
            AstBuilder builder = new AstBuilder(source, 0, diagnostics,
                (inner, offset, sink) -> expression(source, inner, offset, sink));
            List<xs.ast.Construct> constructs = new ArrayList<>();
            while (true) {
                int next = tokens.LA(1);
                if (next == XsLexer.NL || next == XsLexer.SEPARATOR) {
                    tokens.consume();
                } else if (next == Token.EOF) {
                    break;
                } else {
                    constructs.add(builder.construct(parser.construct()));
                }
            }
            if (!filter.problems().isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError)) {
                return null;
            }
            return new Script(source, constructs);
        } catch (ParseCancellationException | StackOverflowError e) {
            return null;
        }
    }

    /** Parses one expression, as {@code xs eval} takes it. */
    public Expr parseExpression(Source source, List<Diagnostic> diagnostics) {
        return expression(source, source.text(), 0, diagnostics);
    }

    /**
     * Parses statements and attributes without a surrounding construct, as {@code xs repl}
     * reads them. Returns null when there are syntax errors.
     */
    public List<Member> parseSnippet(Source source, List<Diagnostic> diagnostics) {
        return run(source, source.text(), 0, diagnostics, XsParser::snippetFile, (builder, tree) -> {
            List<Member> members = new ArrayList<>();
            for (XsParser.ItemContext item : ((XsParser.SnippetFileContext) tree).item()) {
                members.add(builder.member(item));
            }
            return members;
        });
    }

    private Expr expression(Source source, String text, int base, List<Diagnostic> diagnostics) {
        return run(source, text, base, diagnostics, XsParser::expressionFile,
            (builder, tree) -> builder.expressionFile((XsParser.ExpressionFileContext) tree));
    }

    private interface Build<T> {
        T apply(AstBuilder builder, ParserRuleContext tree);
    }

    private <T> T run(Source source, String text, int base, List<Diagnostic> diagnostics,
                      Function<XsParser, ParserRuleContext> entry, Build<T> build) {
        int before = diagnostics.size();
        try {
            XsLexer lexer = new XsLexer(new Utf16CharStream(text, source.name()));
            lexer.removeErrorListeners();
            NewlineFilter filter = new NewlineFilter(lexer,
                offset -> source.line(base + offset) + ":" + source.column(base + offset));
            CommonTokenStream tokens = new CommonTokenStream(filter);
            tokens.fill();
            if (filter.problems().stream().anyMatch(BracketProblem::tooDeep)) {
                // Refuse before parsing: the parser's recursion could overflow a small stack first.
                report(source, base, tokens.getTokens(), filter.problems(), List.of(), diagnostics);
                return null;
            }
            XsParser parser = new XsParser(tokens);
            parser.removeErrorListeners();
            ParserRuleContext tree = parseTwoStage(parser, tokens, entry, errors -> {
                tokens.fill();
                report(source, base, tokens.getTokens(), filter.problems(), errors, diagnostics);
            });
            if (diagnostics.subList(before, diagnostics.size()).stream().anyMatch(Diagnostic::isError)) {
                return null;
            }
            AstBuilder builder = new AstBuilder(source, base, diagnostics,
                (inner, offset, sink) -> expression(source, inner, offset, sink));
            return build.apply(builder, tree);
        } catch (StackOverflowError e) {
            diagnostics.add(Diagnostic.error(Code.XS0105, new Span(source, base, base),
                "the script nests too deeply to be read (simplify the deepest expression or block)"));
            return null;
        }
    }

    private static ParserRuleContext parseTwoStage(XsParser parser, CommonTokenStream tokens,
                                                   Function<XsParser, ParserRuleContext> entry,
                                                   java.util.function.Consumer<List<SyntaxError>> report) {
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            ParserRuleContext tree = entry.apply(parser);
            report.accept(List.of());
            return tree;
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            List<SyntaxError> errors = new ArrayList<>();
            parser.addErrorListener(collector(errors));
            parser.setErrorHandler(new PlainErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            ParserRuleContext tree = entry.apply(parser);
            report.accept(errors);
            return tree;
        }
    }

    private static ANTLRErrorListener collector(List<SyntaxError> errors) {
        return new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                                    RecognitionException e) {
                errors.add(new SyntaxError((Token) offending, msg));
            }
        };
    }

    /**
     * Turns lexical problems, bracket problems and parser errors into diagnostics. Lexical and
     * bracket problems explain themselves best, so parser errors they caused are left out.
     */
    private static void report(Source source, int base, List<Token> tokens, List<BracketProblem> brackets,
                               List<SyntaxError> errors, List<Diagnostic> out) {
        List<Integer> lexicalOffsets = new ArrayList<>();
        for (Token t : tokens) {
            Diagnostic d = lexical(source, base, t);
            if (d != null) {
                out.add(d);
                lexicalOffsets.add(t.getStartIndex());
            }
        }
        int firstBracket = Integer.MAX_VALUE;
        for (BracketProblem p : brackets) {
            Code code = p.tooDeep() ? Code.XS0105 : Code.XS0103;
            out.add(Diagnostic.error(code, new Span(source, base + p.offset(), base + p.offset() + p.length()),
                p.message()));
            firstBracket = Math.min(firstBracket, p.offset());
        }
        int reported = 0;
        int lastLine = -1;
        for (SyntaxError e : errors) {
            Token t = e.token();
            int offset = t == null ? 0 : Math.max(0, t.getStartIndex());
            if (t != null && lexicalOffsets.contains(t.getStartIndex())) {
                continue;
            }
            if (!lexicalOffsets.isEmpty() || offset >= firstBracket) {
                continue;
            }
            Span span = t == null || t.getType() == Token.EOF
                ? new Span(source, base + offset, base + offset)
                : new Span(source, base + offset, base + t.getStopIndex() + 1);
            if (span.line() == lastLine) {
                continue;
            }
            lastLine = span.line();
            out.add(Diagnostic.error(Code.XS0101, span, e.message()));
            if (++reported == MAX_SYNTAX_ERRORS) {
                break;
            }
        }
    }

    private static Diagnostic lexical(Source source, int base, Token t) {
        Span span = new Span(source, base + t.getStartIndex(), base + t.getStopIndex() + 1);
        switch (t.getType()) {
            case XsLexer.UNTERMINATED_STRING:
                return Diagnostic.error(Code.XS0102, span, "unterminated string: add the closing "
                    + t.getText().charAt(0) + " before the end of the line");
            case XsLexer.UNTERMINATED_BACKTICK:
                return Diagnostic.error(Code.XS0102, span, "unterminated backtick expression: add the closing `");
            case XsLexer.UNTERMINATED_BLOCK:
                String quote = t.getText().substring(0, 3);
                return Diagnostic.error(Code.XS0102, new Span(source, span.start(), span.start() + 3),
                    "unterminated text block: no closing " + quote + " before the end of the file");
            case XsLexer.HASH_COMMENT:
                return Diagnostic.error(Code.XS0106, new Span(source, span.start(), span.start() + 1),
                    "'#' does not start a comment in XanoScript: use //");
            case XsLexer.UNKNOWN_CHAR:
                return Diagnostic.error(Code.XS0104, span, "unexpected character " + describeChar(t.getText())
                    + switch (t.getText()) {
                        case ";" -> ": XanoScript ends a statement at the end of the line, without ';'";
                        case "&" -> ": XanoScript joins texts with ~ (\"a\" ~ $b) and conditions with &&";
                        case "^" -> ": XanoScript has no ^ operator: powers are $x|pow:2, patterns are texts for the"
                            + " regex filters (\"/^a/\"|regex_matches:$text)";
                        default -> "";
                    });
            default:
                return null;
        }
    }

    private static String describeChar(String text) {
        char c = text.isEmpty() ? '?' : text.charAt(0);
        if (c < 0x20 || c == 0x7F || Character.isISOControl(c)) {
            return String.format("U+%04X (a control character)", (int) c);
        }
        if (c == '\uFFFD') {
            return "U+FFFD (the file is not valid UTF-8 here)";
        }
        return "'" + text + "'" + String.format(" (U+%04X)", (int) c);
    }

}
