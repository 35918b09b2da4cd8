package xs.syntax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import xs.ast.ArrayExpr;
import xs.ast.Attribute;
import xs.ast.BetweenExpr;
import xs.ast.BinaryExpr;
import xs.ast.BinaryOp;
import xs.ast.Block;
import xs.ast.BreakStmt;
import xs.ast.ConditionalStmt;
import xs.ast.Construct;
import xs.ast.ContinueStmt;
import xs.ast.DeclBlock;
import xs.ast.Expr;
import xs.ast.FilterExpr;
import xs.ast.GenericStmt;
import xs.ast.GroupStmt;
import xs.ast.IndexExpr;
import xs.ast.InputDecl;
import xs.ast.InputFilter;
import xs.ast.Literal;
import xs.ast.LoopStmt;
import xs.ast.Member;
import xs.ast.MemberExpr;
import xs.ast.NowExpr;
import xs.ast.ObjectExpr;
import xs.ast.RegexLiteral;
import xs.ast.Script;
import xs.ast.SpreadExpr;
import xs.ast.StackClause;
import xs.ast.Stmt;
import xs.ast.SwitchStmt;
import xs.ast.TernaryExpr;
import xs.ast.TryCatchStmt;
import xs.ast.UnaryExpr;
import xs.ast.VarExpr;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.source.Source;
import xs.source.Span;
import xs.syntax.antlr.XsLexer;
import xs.syntax.antlr.XsParser.*;

/**
 * Builds the immutable AST from ANTLR's parse tree. The only place that reads parse trees:
 * everything after it sees {@code xs.ast} records. It also reports what the grammar accepts
 * but the language does not (an attribute inside a stack, an integer too large).
 */
final class AstBuilder {
    /** Parses the text inside backticks; supplied by the facade so sub-parses share its setup. */
    interface EmbeddedParser {
        Expr parse(String text, int baseOffset, List<Diagnostic> sink);
    }

    private final Source source;
    private final int base;
    private final List<Diagnostic> diagnostics;
    private final EmbeddedParser embedded;
    /** Inside a disabled statement, backtick text that is not XanoScript is tolerated (Xano keeps it as is). */
    private int insideDisabled;

    AstBuilder(Source source, int baseOffset, List<Diagnostic> diagnostics, EmbeddedParser embedded) {
        this.source = source;
        this.base = baseOffset;
        this.diagnostics = diagnostics;
        this.embedded = embedded;
    }

    Script script(FileContext ctx) {
        List<Construct> constructs = new ArrayList<>();
        for (ConstructContext c : ctx.construct()) {
            constructs.add(construct(c));
        }
        return new Script(source, constructs);
    }

    // ---- constructs and blocks ------------------------------------------------------------

    Construct construct(ConstructContext ctx) {
        String name = null;
        Span nameSpan = null;
        if (ctx.header != null) {
            name = ctx.header.string() != null ? string(ctx.header.string()) : ctx.header.getText();
            nameSpan = span(ctx.header);
        }
        String verb = ctx.verb == null ? null : ctx.verb.getText();
        return new Construct(span(ctx), ctx.kind.getText(), span(ctx.kind), name, nameSpan, verb,
            members(ctx.block()));
    }

    private List<Member> members(BlockContext block) {
        List<Member> out = new ArrayList<>();
        if (block == null) {
            return out;
        }
        for (ItemContext item : block.item()) {
            out.add(member(item));
        }
        return out;
    }

    Member member(ItemContext item) {
        if (item instanceof AttributeItemContext a) {
            return attribute(a.attribute());
        }
        if (item instanceof DeclItemContext d) {
            if (d.declBlock() == null) {
                return new DeclBlock(span(d), d.getStart().getText(), List.of());
            }
            return declBlock(d.getStart().getText(), d.declBlock());
        }
        if (item instanceof StackItemContext s) {
            return new StackClause(span(s), statements(s.block()));
        }
        return statement(((StatementItemContext) item).statement());
    }

    private Attribute attribute(AttributeContext ctx) {
        return new Attribute(span(ctx), text(ctx.name()), span(ctx.name()), expression(ctx.expression()),
            ctx.BANG() != null);
    }

    private List<Attribute> attributes(List<AttributeContext> list) {
        List<Attribute> out = new ArrayList<>();
        for (AttributeContext a : list) {
            out.add(attribute(a));
        }
        return out;
    }

    /** A block of statements: stack, if/else, each, try, catch, finally, case. */
    private Block statements(BlockContext block) {
        List<Stmt> out = new ArrayList<>();
        for (ItemContext item : block.item()) {
            if (item instanceof StatementItemContext s) {
                out.add(statement(s.statement()));
            } else {
                String what = item instanceof AttributeItemContext a
                    ? "the attribute '" + text(a.attribute().name()) + "'"
                    : "'" + item.getStart().getText() + " { … }'";
                diagnostics.add(Diagnostic.error(Code.XS0109, span(item),
                    what + " is not allowed here: this block holds statements only"));
            }
        }
        return new Block(span(block), out);
    }

    // ---- statements -----------------------------------------------------------------------

    private Stmt statement(StatementContext ctx) {
        boolean disabled = ctx.BANG() != null;
        if (disabled) {
            insideDisabled++;
        }
        try {
            return statementBody(ctx, disabled);
        } finally {
            if (disabled) {
                insideDisabled--;
            }
        }
    }

    private Stmt statementBody(StatementContext ctx, boolean disabled) {
        StatementBodyContext body = ctx.statementBody();
        Span span = span(ctx);
        if (body instanceof GenericStmtContext g) {
            return generic(span, disabled, g);
        }
        if (body instanceof ConditionalStmtContext c) {
            return conditional(span, disabled, c);
        }
        if (body instanceof SwitchStmtContext s) {
            return switchStmt(span, disabled, s);
        }
        if (body instanceof LoopStmtContext l) {
            LoopStmt.Kind kind = switch (l.loop.getType()) {
                case XsLexer.FOREACH -> LoopStmt.Kind.FOREACH;
                case XsLexer.FOR -> LoopStmt.Kind.FOR;
                default -> LoopStmt.Kind.WHILE;
            };
            Expr element = l.asTarget() == null ? null : asTarget(l.asTarget());
            return new LoopStmt(span, disabled, kind, expression(l.expression()), element, statements(l.block()),
                attributes(l.attribute()));
        }
        if (body instanceof TryCatchStmtContext t) {
            return new TryCatchStmt(span, disabled, statements(t.block(0)), blockAfter(t, XsLexer.CATCH),
                blockAfter(t, XsLexer.FINALLY), attributes(t.attribute()));
        }
        if (body instanceof GroupStmtContext g) {
            return new GroupStmt(span, disabled, statements(g.block()), attributes(g.attribute()));
        }
        if (body instanceof BreakStmtContext) {
            return new BreakStmt(span, disabled);
        }
        return new ContinueStmt(span, disabled);
    }

    private GenericStmt generic(Span span, boolean disabled, GenericStmtContext g) {
        Expr argument = null;
        StatementArgContext arg = g.statementArg();
        if (arg != null) {
            if (arg.string() != null) {
                argument = new Literal(span(arg), string(arg.string()), false);
            } else if (arg.variablePath() != null) {
                argument = variablePath(arg.variablePath());
            } else if (arg.expression() != null) {
                argument = expression(arg.expression());
            } else if (arg.LPAREN() != null) {
                argument = new Literal(span(arg), null, false);
            } else {
                argument = new Literal(span(arg), arg.getText(), true);
            }
        }
        Expr condition = g.expression() == null ? null : expression(g.expression());
        String verb = g.verb == null ? null : g.verb.getText();
        Expr target = g.asTarget() == null ? null : asTarget(g.asTarget());
        Expr resultFilters = null;
        if (g.asTarget() != null && !g.asTarget().filterCall().isEmpty()) {
            AsTargetContext t = g.asTarget();
            Expr result = new VarExpr(span(t), VarExpr.STATEMENT_RESULT);
            resultFilters = filterCalls(result, t.filterCall());
        }
        return new GenericStmt(span, disabled, g.qualifiedName().getText(), span(g.qualifiedName()), argument,
            condition, verb, members(g.block()), target, resultFilters);
    }

    private ConditionalStmt conditional(Span span, boolean disabled, ConditionalStmtContext c) {
        List<ConditionalStmt.Branch> branches = new ArrayList<>();
        // Walk the children in order: an elseif may lack its block in old exports.
        ExpressionContext condition = null;
        Block otherwise = null;
        boolean afterElse = false;
        for (int i = 0; i < c.getChildCount(); i++) {
            ParseTree child = c.getChild(i);
            if (child instanceof TerminalNode t && t.getSymbol().getType() == XsLexer.ELSE) {
                afterElse = true;
            } else if (child instanceof ExpressionContext e) {
                if (condition != null) {
                    branches.add(new ConditionalStmt.Branch(span(condition), expression(condition),
                        new Block(span(condition), List.of())));
                }
                condition = e;
            } else if (child instanceof BlockContext b) {
                if (afterElse) {
                    otherwise = statements(b);
                } else {
                    branches.add(new ConditionalStmt.Branch(span(condition).to(span(b)), expression(condition),
                        statements(b)));
                    condition = null;
                }
            }
        }
        if (condition != null) {
            branches.add(new ConditionalStmt.Branch(span(condition), expression(condition),
                new Block(span(condition), List.of())));
        }
        return new ConditionalStmt(span, disabled, branches, otherwise, attributes(c.attribute()));
    }

    private SwitchStmt switchStmt(Span span, boolean disabled, SwitchStmtContext s) {
        List<SwitchStmt.Case> cases = new ArrayList<>();
        for (CaseClauseContext c : s.caseClause()) {
            Block body = c.block() == null ? new Block(span(c), List.of()) : statements(c.block());
            cases.add(new SwitchStmt.Case(span(c), expression(c.expression()), body, c.BREAK() != null));
        }
        Block otherwise = s.DEFAULT() != null ? statements(s.block()) : null;
        return new SwitchStmt(span, disabled, expression(s.expression()), cases, otherwise,
            attributes(s.attribute()));
    }

    /** The block that follows a keyword (catch, finally) inside a statement, or null. */
    private Block blockAfter(ParserRuleContext ctx, int keyword) {
        for (int i = 0; i < ctx.getChildCount() - 1; i++) {
            if (ctx.getChild(i) instanceof TerminalNode t && t.getSymbol().getType() == keyword
                && ctx.getChild(i + 1) instanceof BlockContext b) {
                return statements(b);
            }
        }
        return null;
    }

    // ---- declarations ---------------------------------------------------------------------

    private DeclBlock declBlock(String kind, DeclBlockContext ctx) {
        List<InputDecl> decls = new ArrayList<>();
        for (DeclContext d : ctx.decl()) {
            decls.add(decl(d));
        }
        return new DeclBlock(span(ctx), kind, decls);
    }

    private InputDecl decl(DeclContext ctx) {
        if (ctx instanceof UnnamedDeclContext u) {
            return new InputDecl(span(u), u.BANG() != null, text(u.type), span(u.type), false, null, null,
                false, null, null, false, null, List.of(), members(u.block()));
        }
        FieldDeclContext f = (FieldDeclContext) ctx;
        // One pass over the children instead of one lookup per optional part.
        ArraySpecContext arraySpec = null;
        DefaultValueContext defaultContext = null;
        BlockContext block = null;
        boolean disabled = false;
        boolean assignedDefault = false;
        List<InputFilter> filters = new ArrayList<>();
        for (int i = 0, n = f.getChildCount(); i < n; i++) {
            ParseTree child = f.getChild(i);
            if (child instanceof ArraySpecContext a) {
                arraySpec = a;
            } else if (child instanceof DefaultValueContext d) {
                defaultContext = d;
            } else if (child instanceof InputFilterContext filter) {
                filters.add(inputFilter(filter));
            } else if (child instanceof BlockContext b) {
                block = b;
            } else if (child instanceof TerminalNode t) {
                int type = t.getSymbol().getType();
                disabled |= type == XsLexer.BANG && i == 0;
                assignedDefault |= type == XsLexer.QASSIGN;
            }
        }
        boolean array = arraySpec != null;
        Long min = array && arraySpec.min != null ? integer(arraySpec.min) : null;
        Long max = array && arraySpec.max != null ? integer(arraySpec.max) : null;
        Expr defaultValue = defaultContext == null ? null : defaultValue(defaultContext);
        boolean optional = f.fieldOptional != null || assignedDefault;
        return new InputDecl(span(f), disabled, text(f.type), span(f.type), array, min, max,
            f.typeNullable != null, text(f.field), span(f.field), optional, defaultValue, filters,
            members(block));
    }

    private Expr defaultValue(DefaultValueContext ctx) {
        if (ctx.MINUS() != null) {
            Object number = number(ctx.getChild(1) instanceof TerminalNode t ? t.getSymbol() : ctx.getStop());
            return new Literal(span(ctx), negate(number), false);
        }
        if (ctx.IDENT() != null) {
            // `?=1024x1024`: a bare word that starts with digits.
            return new Literal(span(ctx), source.text().substring(base + ctx.getStart().getStartIndex(),
                base + ctx.getStop().getStopIndex() + 1), true);
        }
        if (ctx.literal() != null) {
            return literal(ctx.literal());
        }
        if (ctx.bareWord() != null || ctx.operatorWord() != null) {
            return new Literal(span(ctx), ctx.getText(), true);
        }
        if (ctx.object() != null) {
            return object(ctx.object());
        }
        return array(ctx.array());
    }

    private InputFilter inputFilter(InputFilterContext ctx) {
        List<Object> args = new ArrayList<>();
        for (InputFilterArgContext a : ctx.inputFilterArg()) {
            args.add(inputFilterArg(a));
        }
        return new InputFilter(span(ctx), text(ctx.name()), ctx.BANG() != null, args);
    }

    private Object inputFilterArg(InputFilterArgContext a) {
        if (a.INT() != null || a.DECIMAL() != null) {
            Object n = number(a.INT() != null ? a.INT().getSymbol() : a.DECIMAL().getSymbol());
            return a.MINUS() != null ? negate(n) : n;
        }
        if (a.string() != null) {
            return string(a.string());
        }
        if (a.REGEX() != null) {
            String text = a.REGEX().getText();
            int close = text.lastIndexOf('/');
            return new RegexLiteral(text.substring(1, close), text.substring(close + 1));
        }
        if (a.TRUE() != null || a.FALSE() != null) {
            return a.TRUE() != null;
        }
        if (a.NULL() != null) {
            return null;
        }
        return a.getText();
    }

    // ---- expressions ----------------------------------------------------------------------

    /** A standalone expression, or a chain of subject-less filters ({@code |range:1:5}). */
    Expr expressionFile(ExpressionFileContext ctx) {
        if (ctx.expression() != null) {
            return expression(ctx.expression());
        }
        return filterCalls(null, ctx.filterCall());
    }

    Expr expression(ExpressionContext ctx) {
        Expr condition = chain((ChainContext) ctx.getChild(0));
        if (ctx.getChildCount() == 1) {
            return condition;
        }
        Expr otherwise = expression(ctx.otherwise);
        if (ctx.then == null) {
            // Elvis `a ?: b` reads as `a ? a : b`.
            return new TernaryExpr(span(ctx), condition, condition, otherwise);
        }
        return new TernaryExpr(span(ctx), condition, closedChain(ctx.then), otherwise);
    }

    /** One binary operator of a flat chain; {@code low} is set for {@code between low:high}. */
    private record Operator(BinaryOp op, boolean ignoreIfNull, Expr low, boolean negated) {
        boolean between() {
            return low != null;
        }
    }

    /**
     * A chain of operands and operators, read left to right (the grammar links them to the right
     * so it can tell where filter arguments end), then folded by precedence.
     */
    private Expr chain(ChainContext first) {
        List<Expr> operands = new ArrayList<>();
        List<Operator> operators = new ArrayList<>();
        ChainContext c = first;
        while (c != null) {
            // One pass over the children: this runs for every operand of every expression.
            int prefixes = 0;
            Expr e = null;
            PrimaryContext primary = null;
            ParseTree link = null;
            for (int i = 0, n = c.getChildCount(); i < n; i++) {
                ParseTree child = c.getChild(i);
                if (child instanceof PrefixContext) {
                    prefixes++;
                } else if (child instanceof PrimaryContext p) {
                    primary = p;
                    e = primary(p);
                    if (prefixes > 0 && signedNumber((PrefixContext) c.getChild(i - 1), e, p)) {
                        e = negation((PrefixContext) c.getChild(i - 1), ((PrefixContext) c.getChild(i - 1)).getStart(), e);
                        prefixes--;
                    }
                } else if (child instanceof AccessorContext a) {
                    e = accessor(e, a, primary.getStart().getStartIndex());
                } else {
                    link = child;
                }
            }
            ChainContext next = null;
            boolean filtered = false;
            while (link != null && link.getChildCount() > 0) {
                ParseTree head = link.getChild(0);
                if (head instanceof BinaryOpContext op) {
                    if (filtered && insideDisabled == 0) {
                        unparenthesisedFilter(e, op);
                    }
                    operators.add(operator(op));
                    next = (ChainContext) link.getChild(1);
                    break;
                }
                // A filter: PIPE BANG? name (COLON filterArg)* followed by the next link.
                boolean disabled = false;
                NameContext name = null;
                List<FilterArgContext> args = null;
                ParseTree rest = null;
                for (int i = 1, n = link.getChildCount(); i < n; i++) {
                    ParseTree child = link.getChild(i);
                    if (child instanceof NameContext nc) {
                        name = nc;
                    } else if (child instanceof FilterArgContext fa) {
                        if (args == null) {
                            args = new ArrayList<>(2);
                        }
                        args.add(fa);
                    } else if (child instanceof TerminalNode t) {
                        disabled |= t.getSymbol().getType() == XsLexer.BANG;
                    } else {
                        rest = child;
                    }
                }
                e = filter(e, name, disabled, args == null ? List.of() : args, args == null ? name : (ParserRuleContext) link);
                filtered = true;
                link = rest;
            }
            if (prefixes > 0) {
                e = prefixed(c.prefix().subList(0, prefixes), e);
            }
            operands.add(e);
            c = next;
        }
        return operands.size() == 1 ? operands.get(0) : climb(operands, operators, new int[] {0}, 0);
    }

    /**
     * {@code $list|count > 1}: xs reads it as {@code ($list|count) > 1}, but Xano's editor refuses
     * a filter followed by an operator ("wrap your filter with parentheses", reference §7.3).
     */
    private void unparenthesisedFilter(Expr filtered, BinaryOpContext op) {
        diagnostics.add(Diagnostic.warning(Code.XS0113, filtered.span(), "Xano's editor refuses a filter followed by"
            + " an operator: write (" + filtered.span().text() + ") " + op.getText() + " …"));
    }

    /**
     * A minus written right against a number is part of the literal, as Xano's lexer reads
     * {@code -?\d+}: in {@code -5|abs} the filter applies to -5.
     */
    private static boolean signedNumber(PrefixContext prefix, Expr operand, PrimaryContext primary) {
        if (!(operand instanceof Literal l) || l.bare() || !(l.value() instanceof Long || l.value() instanceof BigDecimal)) {
            return false;
        }
        Token minus = prefix.getStart();
        return minus.getType() == XsLexer.MINUS && minus.getStopIndex() + 1 == primary.getStart().getStartIndex();
    }

    /** The middle of a ternary: a chain without filter arguments at its top level. */
    private Expr closedChain(ClosedChainContext first) {
        List<Expr> operands = new ArrayList<>();
        List<Operator> operators = new ArrayList<>();
        ClosedChainContext c = first;
        while (c != null) {
            Expr e = primary(c.primary());
            List<PrefixContext> prefixes = c.prefix();
            if (!prefixes.isEmpty() && signedNumber(prefixes.get(prefixes.size() - 1), e, c.primary())) {
                e = negation(prefixes.get(prefixes.size() - 1), prefixes.get(prefixes.size() - 1).getStart(), e);
                prefixes = prefixes.subList(0, prefixes.size() - 1);
            }
            e = accessors(e, c.accessor(), c.primary());
            ClosedLinkContext link = c.closedLink();
            ClosedChainContext next = null;
            while (link != null && link.getChildCount() > 0) {
                if (link.name() != null) {
                    e = filter(e, link.name(), link.BANG() != null, List.of(), link.name());
                    link = link.closedLink();
                } else {
                    operators.add(operator(link.binaryOp()));
                    next = link.closedChain();
                    link = null;
                }
            }
            operands.add(prefixed(prefixes, e));
            c = next;
        }
        return climb(operands, operators, new int[] {0}, 0);
    }

    /** A filter argument: operands and operators up to the next '|' or ':'. */
    private Expr filterArg(FilterArgContext ctx) {
        List<Expr> operands = new ArrayList<>();
        for (ArgOperandContext a : ctx.argOperand()) {
            operands.add(argOperand(a));
        }
        List<Operator> operators = new ArrayList<>();
        for (BinaryOpContext op : ctx.binaryOp()) {
            operators.add(operator(op));
        }
        return climb(operands, operators, new int[] {0}, 0);
    }

    private Expr argOperand(ArgOperandContext ctx) {
        return prefixed(ctx.prefix(), accessors(primary(ctx.primary()), ctx.accessor(), ctx.primary()));
    }

    private Expr filter(Expr subject, NameContext name, boolean disabled, List<FilterArgContext> args,
                        ParserRuleContext end) {
        List<Expr> values = new ArrayList<>();
        for (FilterArgContext a : args) {
            values.add(filterArg(a));
        }
        Span last = values.isEmpty() ? span(end) : values.get(values.size() - 1).span();
        return new FilterExpr(subject.span().to(last), subject, text(name), span(name), disabled, values);
    }

    /** Filters applied outside a chain: {@code (|uuid)} (no subject), and after an {@code as} target. */
    private Expr filterCalls(Expr subject, List<FilterCallContext> calls) {
        Expr expr = subject;
        for (FilterCallContext call : calls) {
            List<Expr> values = new ArrayList<>();
            for (FilterArgContext a : call.filterArg()) {
                values.add(filterArg(a));
            }
            Span end = span(call);
            expr = new FilterExpr(expr == null ? end : expr.span().to(end), expr, text(call.name()),
                span(call.name()), call.BANG() != null, values);
        }
        return expr;
    }

    private Operator operator(BinaryOpContext ctx) {
        if (ctx.BETWEEN() != null) {
            return new Operator(null, false, argOperand(ctx.low), ctx.NOT() != null);
        }
        if (ctx.comparisonOp() != null) {
            return new Operator(BinaryOp.fromSymbol(operator(ctx.comparisonOp())), ctx.QUESTION() != null, null, false);
        }
        return new Operator(BinaryOp.fromSymbol(ctx.getText()), false, null, false);
    }

    private static String operator(ComparisonOpContext c) {
        if (c.NOT() == null) {
            return c.getText();
        }
        return "not " + c.getChild(1).getText();
    }

    /** Precedence climbing over a flat chain; {@code at[0]} is the next operand to read. */
    private Expr climb(List<Expr> operands, List<Operator> operators, int[] at, int minPrecedence) {
        Expr left = operands.get(at[0]);
        while (at[0] < operators.size() && precedence(operators.get(at[0])) >= minPrecedence) {
            Operator op = operators.get(at[0]);
            int p = precedence(op);
            at[0]++;
            int next = op.op() == BinaryOp.COALESCE ? p : p + 1;
            Expr right = climb(operands, operators, at, next);
            Span span = left.span().to(right.span());
            left = op.between() ? new BetweenExpr(span, left, op.low(), right, op.negated())
                : new BinaryExpr(span, op.op(), left, right, op.ignoreIfNull());
        }
        return left;
    }

    /** Lowest first: ??, ||, &&, comparisons (and .., between, where operators), ~, + -, * / %. */
    private static int precedence(Operator operator) {
        if (operator.between()) {
            return 4;
        }
        return switch (operator.op()) {
            case COALESCE -> 1;
            case OR -> 2;
            case AND -> 3;
            case CONCAT -> 5;
            case ADD, SUB -> 6;
            case MUL, DIV, MOD -> 7;
            default -> 4;
        };
    }

    /** Applies prefix operators, the one nearest the operand first: {@code !-x} is {@code !(-x)}. */
    private Expr prefixed(List<PrefixContext> prefixes, Expr operand) {
        Expr e = operand;
        for (int i = prefixes.size() - 1; i >= 0; i--) {
            e = negation(prefixes.get(i), prefixes.get(i).getStart(), e);
        }
        return e;
    }

    /** {@code -5} becomes the literal -5; other negations stay operators. */
    private Expr negation(ParserRuleContext ctx, Token op, Expr operand) {
        Span span = span(ctx).to(operand.span());
        if (op.getType() == XsLexer.MINUS && operand instanceof Literal l && !l.bare()
            && (l.value() instanceof Long || l.value() instanceof BigDecimal)) {
            return new Literal(span, negate(l.value()), false);
        }
        return new UnaryExpr(span, op.getText(), operand);
    }

    private Expr accessors(Expr expr, List<AccessorContext> accessors, ParserRuleContext owner) {
        int start = owner.getStart().getStartIndex();
        for (AccessorContext a : accessors) {
            expr = accessor(expr, a, start);
        }
        return expr;
    }

    /** One {@code .name} or {@code [index]} applied to an expression that starts at {@code start}. */
    private Expr accessor(Expr expr, AccessorContext a, int start) {
        Span span = span(start, a.getStop());
        if (a instanceof MemberAccessContext m) {
            Token part = ((TerminalNode) (m.getChild(1) instanceof TerminalNode t ? t : m.getChild(1).getChild(0))).getSymbol();
            String name = part.getText();
            if (part.getType() == XsLexer.DECIMAL) {
                // `$a.0.1` lexes its path as the number 0.1: two numeric segments.
                Expr e = expr;
                for (String segment : name.split("\\.")) {
                    e = new MemberExpr(span, e, segment);
                }
                return e;
            }
            if (expr instanceof VarExpr v && v.name().equals("var") && !name.startsWith("$")) {
                // $var.x is the explicit spelling of $x.
                return new VarExpr(span, name);
            }
            return new MemberExpr(span, expr, name);
        }
        return new IndexExpr(span, expr, expression(((IndexAccessContext) a).expression()));
    }

    private Expr primary(PrimaryContext ctx) {
        ParseTree first = ctx.getChild(0);
        if (first instanceof TerminalNode t) {
            Token token = t.getSymbol();
            switch (token.getType()) {
                case XsLexer.VAR:
                    return new VarExpr(span(ctx), token.getText().substring(1));
                case XsLexer.DOLLAR:
                    return new VarExpr(span(ctx), "");
                case XsLexer.DOLLAR2:
                    return new VarExpr(span(ctx), VarExpr.ELEMENT);
                case XsLexer.DOLLAR_DOT:
                    diagnostics.add(Diagnostic.warning(Code.XS0112, span(ctx), "'$.' names no variable (Xano's exporter"
                        + " writes it for a reference it could not name): it reads as null; name the variable you mean"));
                    return new VarExpr(span(ctx), "");
                case XsLexer.ESCAPED_QUOTE_STRING: {
                    String text = token.getText().substring(2, token.getText().length() - 2);
                    diagnostics.add(Diagnostic.warning(Code.XS0112, span(ctx), "text written as \\\"...\\\" outside a string"
                        + " (as Xano's exporter sometimes writes it): it reads as \"" + text + "\"; write it that way"));
                    return new Literal(span(ctx), text, false);
                }
                case XsLexer.LPAREN:
                    ParseTree inner = ctx.getChild(1);
                    return inner instanceof ExpressionContext e ? expression(e) : filterCalls(null, ctx.filterCall());
                case XsLexer.BACKTICK:
                    return backtick(token, 1);
                case XsLexer.TRIPLE_BACKTICK:
                    return backtick(token, 3);
                default:
                    return literal(token, span(ctx));
            }
        }
        if (first instanceof ObjectContext o) {
            return object(o);
        }
        if (first instanceof ArrayContext a) {
            return array(a);
        }
        if (ctx.callee != null) {
            return call(ctx);
        }
        return new Literal(span(ctx), ctx.getText(), true);
    }

    /**
     * {@code concat("a", $b)} and {@code now()}: the call form some exports contain. It reads as
     * the filter applied to its first argument, {@code "a"|concat:$b}.
     */
    private Expr call(PrimaryContext ctx) {
        String name = text(ctx.callee);
        List<Expr> args = new ArrayList<>();
        for (ExpressionContext e : ctx.expression()) {
            args.add(expression(e));
        }
        if (name.equals("now") && args.isEmpty()) {
            return new NowExpr(span(ctx));
        }
        Expr subject = args.isEmpty() ? null : args.remove(0);
        return new FilterExpr(span(ctx), subject, name, span(ctx.callee), false, args);
    }

    private Expr backtick(Token token, int delimiter) {
        String text = token.getText();
        String body = StringLiterals.backtick(text.substring(delimiter, text.length() - delimiter));
        int offset = base + token.getStartIndex() + delimiter;
        Span span = span(token.getStartIndex(), token);
        if (body.isBlank()) {
            diagnostics.add(Diagnostic.warning(Code.XS0111, span, "empty backtick expression: it reads as null"));
            return new Literal(span, null, false);
        }
        List<Diagnostic> problems = new ArrayList<>();
        Expr inner = embedded.parse(body, offset, problems);
        // Backtick text is Xano's expression type, read by its engine rather than its editor.
        problems.removeIf(d -> d.code() == Code.XS0113);
        if (inner != null) {
            diagnostics.addAll(problems);
            return inner;
        }
        // Xano keeps backtick text it cannot read as an expression; so does xs, as text.
        if (insideDisabled == 0) {
            Diagnostic first = problems.stream().filter(Diagnostic::isError).findFirst().orElse(null);
            diagnostics.add(Diagnostic.warning(Code.XS0111, span, "this backtick text is not a valid expression"
                + (first == null ? "" : " (" + first.message() + " at " + first.span().position() + ")")
                + "; xs reads it as text"));
        }
        return new Literal(span, body, false);
    }

    private Expr literal(LiteralContext ctx) {
        return literal(ctx.getStart(), span(ctx));
    }

    /** The value of a literal token: a number, string, boolean, null, now or a timestamp. */
    private Expr literal(Token t, Span span) {
        switch (t.getType()) {
            case XsLexer.INT:
            case XsLexer.DECIMAL:
                return new Literal(span, number(t), false);
            case XsLexer.TRUE:
                return new Literal(span, Boolean.TRUE, false);
            case XsLexer.FALSE:
                return new Literal(span, Boolean.FALSE, false);
            case XsLexer.NULL:
                return new Literal(span, null, false);
            case XsLexer.NOW:
                return new NowExpr(span);
            case XsLexer.TIMESTAMP:
                return new Literal(span, timestamp(t), false);
            default:
                return new Literal(span, string(t), false);
        }
    }

    private Expr object(ObjectContext ctx) {
        List<ObjectExpr.Entry> entries = new ArrayList<>();
        for (int i = 0, n = ctx.getChildCount(); i < n; i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof SpreadEntryContext s) {
                entries.add(new ObjectExpr.Entry(span(s), null, expression((ExpressionContext) s.getChild(1)), false));
            } else if (child instanceof KeyValueEntryContext kv) {
                // [!] key : value
                boolean disabled = kv.getChild(0) instanceof TerminalNode;
                int at = disabled ? 1 : 0;
                ObjectKeyContext key = (ObjectKeyContext) kv.getChild(at);
                ExpressionContext value = (ExpressionContext) kv.getChild(at + 2);
                entries.add(new ObjectExpr.Entry(span(kv), key(key), expression(value), disabled));
            }
        }
        return new ObjectExpr(span(ctx), entries);
    }

    /** An object key: a name (dotted for sort keys), a string, a number or a variable name. */
    private String key(ObjectKeyContext key) {
        ParseTree first = key.getChild(0);
        if (first instanceof StringContext str) {
            return string(str);
        }
        if (key.getChildCount() == 1) {
            return first instanceof NameContext nc ? text(nc) : first.getText();
        }
        return key.getText();
    }

    private Expr array(ArrayContext ctx) {
        List<Expr> elements = new ArrayList<>();
        for (int i = 0, n = ctx.getChildCount(); i < n; i++) {
            if (!(ctx.getChild(i) instanceof ArrayElementContext e)) {
                continue;
            }
            if (e.expression() == null) {
                elements.add(new Literal(span(e), source.text().substring(base + e.getStart().getStartIndex(),
                    base + e.getStop().getStopIndex() + 1), true));
                continue;
            }
            Expr value = expression(e.expression());
            elements.add(e.ELLIPSIS() != null ? new SpreadExpr(span(e), value) : value);
        }
        return new ArrayExpr(span(ctx), elements);
    }

    private Expr asTarget(AsTargetContext ctx) {
        if (ctx.variablePath() != null) {
            return variablePath(ctx.variablePath());
        }
        return new VarExpr(span(ctx.IDENT().getSymbol().getStartIndex(), ctx.IDENT().getSymbol()), ctx.IDENT().getText());
    }

    private Expr variablePath(VariablePathContext ctx) {
        Expr root = new VarExpr(span(ctx.VAR().getSymbol().getStartIndex(), ctx.VAR().getSymbol()),
            ctx.VAR().getText().substring(1));
        return accessors(root, ctx.accessor(), ctx);
    }

    // ---- literal values -------------------------------------------------------------------

    private String string(StringContext ctx) {
        return string(ctx.getStart());
    }

    private String string(Token t) {
        String text = t.getText();
        return switch (t.getType()) {
            case XsLexer.STRING -> StringLiterals.doubleQuoted(text);
            case XsLexer.SQ_STRING -> StringLiterals.singleQuoted(text);
            default -> StringLiterals.block(text);
        };
    }

    private Object number(Token t) {
        String text = t.getText();
        if (t.getType() == XsLexer.DECIMAL) {
            return new BigDecimal(text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.error(Code.XS0110, span(t.getStartIndex(), t),
                "integer " + text + " is too large (the largest is " + Long.MAX_VALUE + ")"));
            return new BigDecimal(text);
        }
    }

    private Long integer(Token t) {
        Object n = number(t);
        return n instanceof Long l ? l : Long.MAX_VALUE;
    }

    private static Object negate(Object number) {
        if (number instanceof Long l) {
            return -l;
        }
        return ((BigDecimal) number).negate();
    }

    /** An unquoted timestamp such as {@code 2025-01-01 09:00:00+0000}, as epoch milliseconds. */
    private Object timestamp(Token t) {
        String text = t.getText().replace(' ', 'T');
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            String normalized = text.replaceFirst("([+-]\\d\\d)(\\d\\d)$", "$1:$2");
            if (normalized.endsWith("Z") || normalized.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            diagnostics.add(Diagnostic.error(Code.XS0110, span(t.getStartIndex(), t),
                "'" + t.getText() + "' is not a valid timestamp"));
            return 0L;
        }
    }

    /** A name is one token; its text needs no walk over children. */
    private static String text(NameContext name) {
        return name.getStart().getText();
    }

    // ---- spans ----------------------------------------------------------------------------

    private Span span(ParserRuleContext ctx) {
        Token stop = ctx.getStop() == null ? ctx.getStart() : ctx.getStop();
        return span(ctx.getStart().getStartIndex(), stop);
    }

    private Span span(int start, Token stop) {
        int end = Math.max(start, stop.getStopIndex() + 1);
        return new Span(source, base + start, base + end);
    }
}
