package xs.check;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import xs.ast.Attribute;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.FilterExpr;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.ast.Member;
import xs.ast.MemberExpr;
import xs.ast.Members;
import xs.ast.Program;
import xs.ast.Stmt;
import xs.ast.VarExpr;
import xs.ast.Walk;
import xs.db.ColumnFilter;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.interp.ErrorType;
import xs.interp.StatementRegistry;
import xs.interp.StatementSpec;
import xs.interp.filters.FilterRegistry;

/**
 * Checks the names a construct uses: filters, statements and their attributes, functions it
 * calls, declared inputs, error types, tables and channels.
 */
final class ReferenceCheck {
    private static final Set<String> CREATES_TABLE = Set.of("db.add", "db.add_or_edit", "db.bulk.add");

    private final Program program;
    private final ChannelCheck channels;
    private final Construct construct;
    private final FilterRegistry filters = FilterRegistry.standard();
    private final StatementRegistry statements = StatementRegistry.standard();

    ReferenceCheck(Program program, ChannelCheck channels, Construct construct) {
        this.program = program;
        this.channels = channels;
        this.construct = construct;
    }

    void run(List<Diagnostic> out) {
        // Construct-level statements are sub-blocks (test "x" {…}, cache {…}), not stack statements.
        Set<Stmt> subBlocks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Member m : construct.members()) {
            if (m instanceof Stmt s) {
                subBlocks.add(s);
            }
        }
        List<String> inputs = construct.input().map(d -> d.decls().stream()
            .filter(x -> x.name() != null).map(x -> x.name()).toList()).orElse(null);
        Walk.members(construct.members().stream().filter(m -> !(m instanceof Stmt)).toList(), new Walk.Listener() {
            @Override
            public void expression(Expr e) {
                if (inputs != null && e instanceof MemberExpr m && m.target() instanceof VarExpr v
                    && v.name().equals("input") && !inputs.contains(m.name())) {
                    out.add(Diagnostic.error(Code.XS0202, m.span(), "$input." + m.name() + " is not declared in the input block of "
                        + construct.title() + Suggest.didYouMean(m.name(), inputs)));
                }
            }
        });
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void statement(Stmt s) {
                if (s instanceof GenericStmt g && !subBlocks.contains(g) && !g.disabled()) {
                    checkStatement(g, out);
                }
            }

            @Override
            public void expression(Expr e) {
                if (!(e instanceof FilterExpr f) || f.disabled()) {
                    return;
                }
                if (onColumn(f)) {
                    if (!ColumnFilter.isKnown(f.name())) {
                        out.add(Diagnostic.error(Code.XS0203, f.nameSpan(), "unknown database filter '" + f.name()
                            + "': a filter on a $db column runs in the database, which knows to_lower, to_upper,"
                            + " concat, substr, coalesce, add, sub, mul, div, round, length and the timestamp_* filters"));
                    }
                } else if (!filters.has(f.name())) {
                    out.add(Diagnostic.error(Code.XS0203, f.nameSpan(), "unknown filter '" + f.name() + "'"
                        + Suggest.didYouMean(f.name(), filters.names())));
                }
            }
        });
    }

    /** A filter on a database column ({@code $db.user.name|to_lower}): the database applies it. */
    private static boolean onColumn(FilterExpr f) {
        Expr at = f.subject();
        while (at instanceof FilterExpr inner) {
            at = inner.subject();
        }
        while (at instanceof MemberExpr m) {
            at = m.target();
        }
        return at instanceof VarExpr v && v.name().equals("db") && at != f.subject();
    }

    private void checkStatement(GenericStmt g, List<Diagnostic> out) {
        StatementSpec spec = statements.get(g.name());
        if (spec == null) {
            if (g.name().startsWith("expect.")) {
                // Inside a test only that test fails, so the rest of the suite still runs.
                out.add(Diagnostic.warning(Code.XS0204, g.nameSpan(), "unknown assertion '" + g.name()
                    + "': the test that uses it fails" + Suggest.didYouMean(g.name(), statements.names())));
            } else if (StatementRegistry.isRealXanoStatement(g.name())) {
                out.add(Diagnostic.warning(Code.XS0205, g.nameSpan(), g.name()
                    + " is not supported by xs run: it runs only in Xano's cloud, and fails here when reached"));
            } else {
                out.add(Diagnostic.error(Code.XS0204, g.nameSpan(), "unknown statement '" + g.name() + "'"
                    + Suggest.didYouMean(g.name(), statements.names())));
            }
            return;
        }
        for (Attribute a : Members.attributes(g.members())) {
            if (!spec.accepts(a.key())) {
                out.add(Diagnostic.warning(Code.XS0214, a.keySpan(), g.name() + " has no attribute '" + a.key() + "'"
                    + Suggest.didYouMean(a.key(), spec.attributes())));
            }
        }
        for (String required : spec.required()) {
            if (g.attribute(required).isEmpty()) {
                out.add(Diagnostic.error(Code.XS0215, g.nameSpan(), g.name() + " needs the attribute '" + required + "'"));
            }
        }
        String literalArg = g.argument() instanceof Literal l && l.value() instanceof String s ? s : null;
        switch (g.name()) {
            case "function.run" -> {
                if (literalArg != null && program.function(literalArg).isEmpty()) {
                    out.add(Diagnostic.warning(Code.XS0206, g.argument().span(), "function.run: no function named \""
                        + literalArg + "\" among the checked files" + Suggest.didYouMean(literalArg,
                        program.functions().stream().map(Construct::name).toList())));
                }
            }
            case "precondition" -> errorType(g, out);
            case "api.realtime_event" -> channels.event(g, out);
            default -> {
                if (CREATES_TABLE.contains(g.name()) && literalArg != null && program.find("table", literalArg).isEmpty()) {
                    out.add(Diagnostic.note(Code.XS0213, g.argument().span(), "table \"" + literalArg
                        + "\" is not declared: it is created on first write, without a schema"));
                }
            }
        }
    }

    private void errorType(GenericStmt g, List<Diagnostic> out) {
        Optional<Expr> type = g.attribute("error_type");
        if (type.isPresent() && type.get() instanceof Literal l && l.value() instanceof String name
            && !ErrorType.isKnown(name)) {
            out.add(Diagnostic.warning(Code.XS0212, type.get().span(), "unknown error_type \"" + name
                + "\": it acts as \"standard\" (HTTP 500)" + Suggest.didYouMean(name, List.of("inputerror",
                "badrequest", "unauthorized", "accessdenied", "notfound", "toomanyrequests", "standard"))));
        }
    }
}
