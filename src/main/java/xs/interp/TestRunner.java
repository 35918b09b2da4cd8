package xs.interp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import xs.ast.Block;
import xs.ast.Construct;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.ast.Member;
import xs.ast.Members;
import xs.ast.Program;
import xs.ast.StackClause;
import xs.ast.Stmt;
import xs.source.Span;

/**
 * Runs the {@code test "name" { input = {…}  expect.* … }} blocks of a program. Each test gets
 * fresh services (a new database), calls its construct with the test's input, then runs the
 * test's own statements with {@code $response} set.
 */
public final class TestRunner {
    /** The outcome of one test block. */
    public record Result(Construct construct, String name, Span span, boolean passed, String failure, Span failureAt,
                         long millis) {
    }

    private final Program program;
    private final Supplier<Services> services;
    private final Consumer<Interpreter> prepare;
    private final Map<GenericStmt, Construct> bodies = new IdentityHashMap<>();
    private final Map<String, Object> auth;

    public TestRunner(Program program, Supplier<Services> services) {
        this(program, services, Identity.ANONYMOUS.auth(), interpreter -> { });
    }

    /**
     * Runs every test as the caller {@code auth} ({@code $auth}: {@code {id, extras}}, or {} for
     * nobody); {@code prepare} runs on each test's interpreter before the test (the CLI wires
     * table triggers there).
     */
    public TestRunner(Program program, Supplier<Services> services, Map<String, Object> auth,
                      Consumer<Interpreter> prepare) {
        this.program = program;
        this.services = services;
        this.auth = auth;
        this.prepare = prepare;
    }

    /** @param prepare runs on each test's interpreter before the test (the CLI wires table triggers there) */
    public TestRunner(Program program, Supplier<Services> services, Consumer<Interpreter> prepare) {
        this(program, services, Identity.ANONYMOUS.auth(), prepare);
    }

    /**
     * Every test block and workflow_test, in file order; {@code filter} (may be null) keeps tests
     * whose name (or construct, or a workflow test's tag) contains it.
     */
    public List<Result> run(String filter) {
        List<Result> results = new ArrayList<>();
        for (Construct c : program.constructs()) {
            if (c.kind().equals("workflow_test")) {
                if (filter == null || c.title().contains(filter) || tags(c).stream().anyMatch(t -> t.contains(filter))) {
                    long start = System.nanoTime();
                    Result r = runWorkflow(c);
                    results.add(new Result(c, r.name(), c.span(), r.passed(), r.failure(), r.failureAt(),
                        (System.nanoTime() - start) / 1_000_000));
                }
                continue;
            }
            for (GenericStmt test : c.subBlocks("test")) {
                String name = name(test);
                if (filter != null && !name.contains(filter) && !c.title().contains(filter)) {
                    continue;
                }
                long start = System.nanoTime();
                Result r = run(c, test, name);
                results.add(new Result(c, name, test.span(), r.passed(), r.failure(), r.failureAt(),
                    (System.nanoTime() - start) / 1_000_000));
            }
        }
        return results;
    }

    /**
     * A {@code workflow_test NAME { stack {...} }}: its stack runs as a whole against a fresh
     * database, calling functions, addons, tasks, triggers (and queries with api.call) itself.
     */
    private Result runWorkflow(Construct test) {
        return onFresh(interpreter -> runWorkflow(test, interpreter));
    }

    private Result runWorkflow(Construct test, Interpreter interpreter) {
        String name = test.name() == null ? "(unnamed)" : test.name();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> caller = (Map<String, Object>) Values.copy(auth);
            Outcome outcome = interpreter.run(test, null, caller, Map.of(), name);
            if (!outcome.ok()) {
                XsError e = outcome.error();
                return new Result(test, name, test.span(), false, e.getMessage(), e.span() == null ? test.span() : e.span(),
                    0);
            }
        } catch (ExpectFailure f) {
            return new Result(test, name, test.span(), false, f.getMessage(), f.span() == null ? test.span() : f.span(), 0);
        }
        return new Result(test, name, test.span(), true, null, null, 0);
    }

    private static List<String> tags(Construct c) {
        List<String> out = new ArrayList<>();
        if (c.attribute("tags").orElse(null) instanceof xs.ast.ArrayExpr a) {
            for (xs.ast.Expr e : a.elements()) {
                if (e instanceof Literal l && l.value() != null) {
                    out.add(Values.toText(l.value()));
                }
            }
        }
        return out;
    }

    private static String name(GenericStmt test) {
        return test.argument() instanceof Literal l && l.value() != null ? Values.toText(l.value()) : "(unnamed)";
    }

    private Result run(Construct construct, GenericStmt test, String name) {
        return onFresh(interpreter -> run(construct, test, name, interpreter));
    }

    /** Runs one test on fresh services, then closes its database (a throwaway PostgreSQL schema is dropped). */
    private Result onFresh(java.util.function.Function<Interpreter, Result> test) {
        Services fresh = services.get();
        try {
            Interpreter interpreter = new Interpreter(program, fresh);
            prepare.accept(interpreter);
            return test.apply(interpreter);
        } finally {
            fresh.database().close();
        }
    }

    private Result run(Construct construct, GenericStmt test, String name, Interpreter interpreter) {
        Object input;
        String datasource;
        try {
            input = test.attribute("input").map(interpreter::constant).orElse(new LinkedHashMap<String, Object>());
        } catch (XsError e) {
            return failed(construct, test, name, "the test's input cannot be evaluated: " + e.getMessage(), e.span());
        }
        try {
            // datasource = "test": the call's db.* statements start in that data source (empty, as a new one is).
            datasource = test.attribute("datasource").map(interpreter::constant).map(Values::toText).orElse(null);
        } catch (XsError e) {
            return failed(construct, test, name, "the test's datasource cannot be evaluated: " + e.getMessage(), e.span());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = (Map<String, Object>) Values.copy(this.auth);
        Outcome call = datasource == null ? interpreter.run(construct, input, auth, Map.of(), name)
            : interpreter.runInDataSource(datasource, construct, input, auth, Map.of(), name);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("response", call.response());
        if (!call.ok()) {
            if (!expectsThrow(test)) {
                XsError e = call.error();
                return failed(construct, test, name, "the call failed: " + e.getMessage(), e.span());
            }
            variables.put(ExpectStatements.CALL_ERROR, StmtCompiler.describe(call.error()));
        }
        try {
            Outcome body = interpreter.run(body(test, name), null, auth, variables, name);
            if (!body.ok()) {
                return failed(construct, test, name, body.error().getMessage(), body.error().span());
            }
        } catch (ExpectFailure f) {
            return failed(construct, test, name, f.getMessage(), f.span());
        }
        return new Result(construct, name, test.span(), true, null, null, 0);
    }

    private static Result failed(Construct c, GenericStmt test, String name, String message, Span at) {
        return new Result(c, name, test.span(), false, message, at == null ? test.span() : at, 0);
    }

    /** A bare {@code expect.to_throw} asserts that the tested call itself fails. */
    private static boolean expectsThrow(GenericStmt test) {
        for (Stmt s : Members.statements(test.members())) {
            if (s instanceof GenericStmt g && !g.disabled() && g.name().equals("expect.to_throw") && g.stack().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The test's statements as a construct of their own, compiled once. */
    private synchronized Construct body(GenericStmt test, String name) {
        return bodies.computeIfAbsent(test, t -> {
            List<Stmt> statements = Members.statements(t.members());
            Block block = new Block(t.span(), statements);
            List<Member> members = List.of(new StackClause(t.span(), block));
            return new Construct(t.span(), "test", t.nameSpan(), name, t.nameSpan(), null, members);
        });
    }
}
