package xs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import xs.ast.Program;
import xs.db.engines.Engines;
import xs.diag.Diagnostic;
import xs.diag.TextRenderer;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Outcome;
import xs.interp.Services;
import xs.services.StandardOutside;
import xs.source.Source;

/** {@code xs eval 'EXPR' [--input JSON]}: prints the value of one expression. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Print the value of one expression, e.g. xs eval '[1,2,3]|map:$$$$ * 2' ($$$$ is the element).")
final class EvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "EXPR")
    String expression;

    @Option(names = "--input", paramLabel = "JSON", description = "Value of $input (JSON, or @FILE).")
    String input;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Object in;
        try {
            in = ProgramSetup.input(input);
        } catch (ProgramSetup.SetupException e) {
            err.println("xs: " + e.getMessage());
            return 2;
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        Snippets.Snippet snippet = Snippets.expression(new Source("<eval>", expression), diagnostics);
        if (snippet == null) {
            TextRenderer renderer = new TextRenderer();
            diagnostics.forEach(d -> err.print(renderer.render(d)));
            return 1;
        }
        Program program = new Program(List.of());
        Services services = Services.of(Engines.inMemory(), new EventRecorder(ChannelDirectory.of(program)),
            System.getenv(), 30_000).with(StandardOutside.create());
        Outcome outcome = new Interpreter(program, services).run(snippet.construct(), in, Identity.ANONYMOUS.auth(), Map.of());
        if (!outcome.ok()) {
            err.print(RuntimeErrors.render(outcome.error()));
            return 1;
        }
        out.println(Json.pretty(outcome.response()));
        return 0;
    }
}
