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
import xs.diag.Suggest;
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

    /**
     * Filters of Xano's database (reference §6.5) that xs's database does not apply: valid in a
     * db statement, but they fail when xs runs it.
     */
    private static final Set<String> ENGINE_DATABASE_FILTERS = Set.of("unaccent", "between", "within", "distance",
        "covers", "search_rank", "cosine_similarity", "cosine_distance", "l1_distance_manhattan",
        "l2_distance_euclidean", "inner_product", "negative_inner_product", "timestamp_epoch_day",
        "timestamp_epoch_hour", "timestamp_epoch_minute", "timestamp_epoch_sec", "sum", "avg", "median", "min", "max",
        "count", "count_distinct", "to_list", "to_list_asc", "to_list_desc", "to_distinct_list",
        "to_distinct_list_asc", "to_distinct_list_desc");

    /** Filters of Xano's engine that xs does not run (they build SQL or expressions for Xano's own use). */
    private static final Set<String> ENGINE_FILTERS = Set.of("sql_esc", "sql_alias", "to_expr");

    private final Regions regions;

    ReferenceCheck(Program program, ChannelCheck channels, Construct construct, Regions regions) {
        this.program = program;
        this.channels = channels;
        this.construct = construct;
        this.regions = regions;
    }

    void run(List<Diagnostic> out) {
        // Construct-level statements are sub-blocks (test "x" {…}, cache {…}), not stack statements.
        Set<Stmt> subBlocks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Member m : construct.members()) {
            if (m instanceof Stmt s) {
                subBlocks.add(s);
            }
        }
        // A dblink field brings a table's columns in: the declared names are then not all there is.
        List<String> inputs = construct.input()
            .filter(d -> d.decls().stream().noneMatch(x -> x.type().equals("dblink")))
            .map(d -> d.decls().stream().filter(x -> x.name() != null).map(x -> x.name()).toList()).orElse(null);
        Walk.members(construct.members().stream().filter(m -> !(m instanceof Stmt)).toList(), new Walk.Listener() {
            @Override
            public void expression(Expr e) {
                if (inputs != null && e instanceof MemberExpr m && m.target() instanceof VarExpr v
                    && v.name().equals("input") && !inputs.contains(m.name()) && !regions.isDisabled(m)) {
                    out.add(Diagnostic.warning(Code.XS0202, m.span(), "$input." + m.name() + " is not declared in the input block of "
                        + construct.title() + ": it is null" + Suggest.didYouMean(m.name(), inputs)));
                }
            }
        });
        Walk.construct(construct, new Walk.Listener() {
            @Override
            public void statement(Stmt s) {
                if (s instanceof GenericStmt g && !subBlocks.contains(g) && !regions.isDisabled(g)) {
                    checkStatement(g, out);
                }
            }

            @Override
            public void expression(Expr e) {
                if (!(e instanceof FilterExpr f) || f.disabled() || regions.isDisabled(f)) {
                    return;
                }
                boolean column = onColumn(f);
                if (column || regions.inDatabase(f)) {
                    if (ColumnFilter.isKnown(f.name()) || (!column && filters.has(f.name()))) {
                        return;
                    }
                    if (ENGINE_DATABASE_FILTERS.contains(f.name())) {
                        out.add(Diagnostic.warning(Code.XS0203, f.nameSpan(), "the database filter '" + f.name()
                            + "' is not supported by xs: it runs only in Xano's database, and fails here when reached"));
                    } else {
                        out.add(Diagnostic.error(Code.XS0203, f.nameSpan(), "unknown database filter '" + f.name()
                            + "': a filter on a $db column runs in the database, which knows to_lower, to_upper,"
                            + " concat, substr, coalesce, add, sub, mul, div, round, length and the timestamp_* filters"));
                    }
                } else if (ENGINE_FILTERS.contains(f.name())) {
                    out.add(Diagnostic.warning(Code.XS0203, f.nameSpan(), "the filter '" + f.name()
                        + "' is not supported by xs: it runs only in Xano, and fails here when reached"));
                } else if (!filters.has(f.name())) {
                    String hint = LearnerHints.filter(f.name()) != null ? LearnerHints.filter(f.name())
                        : Suggest.didYouMean(f.name(), filters.names());
                    out.add(Diagnostic.error(Code.XS0203, f.nameSpan(), "unknown filter '" + f.name() + "'" + hint));
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
            } else if (StatementRegistry.isRealXanoStatement(g.name()) && !looksMisspelled(g.name())) {
                out.add(Diagnostic.warning(Code.XS0205, g.nameSpan(), g.name()
                    + " is not supported by xs run: " + StatementRegistry.whatItNeeds(g.name()) + "; it fails here when reached"));
            } else {
                String hint = LearnerHints.statement(g.name());
                out.add(Diagnostic.error(Code.XS0204, g.nameSpan(), "unknown statement '" + g.name() + "'"
                    + (hint != null ? hint : Suggest.didYouMean(g.name(), knownStatements()))));
            }
            return;
        }
        for (Attribute a : Members.attributes(g.members())) {
            if (!spec.accepts(a.key())) {
                String message = g.name() + " has no attribute '" + a.key() + "'" + Suggest.didYouMean(a.key(),
                    spec.attributes());
                out.add(SweptStatements.NAMES.contains(g.name()) ? Diagnostic.error(Code.XS0214, a.keySpan(), message)
                    : Diagnostic.warning(Code.XS0214, a.keySpan(), message));
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

    /** Every statement name xs knows: those it runs and the rest of Xano's engine. */
    private Set<String> knownStatements() {
        Set<String> all = new java.util.TreeSet<>(statements.names());
        all.addAll(StatementRegistry.realXanoStatements());
        return all;
    }

    /**
     * A name in a family of Xano's statements ({@code redis.gett}) that is not one of them but
     * is one edit or two from one: a typo, not a statement of a newer Xano.
     */
    private boolean looksMisspelled(String name) {
        return !StatementRegistry.realXanoStatements().contains(name) && !name.startsWith("db.external.")
            && !Suggest.didYouMean(name, knownStatements()).isEmpty();
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
