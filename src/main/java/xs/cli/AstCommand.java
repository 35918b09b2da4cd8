package xs.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import xs.ast.AstPrinter;
import xs.diag.TextRenderer;
import xs.source.SourceLoader;
import xs.syntax.ParseResult;
import xs.syntax.ScriptParser;

/** {@code xs ast FILE}: print how a script is read, every expression parenthesised. */
@Command(name = "ast", mixinStandardHelpOptions = true,
    description = "Print the syntax tree of a .xs file, with every expression fully parenthesised.")
final class AstCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceLoader.Loaded loaded = new SourceLoader().load(file);
        if (loaded.problem() != null) {
            err.println("xs: " + SourceLoader.display(file) + ": " + loaded.problem());
            return loaded.source() == null ? 2 : 1;
        }
        ParseResult result = new ScriptParser().parse(loaded.source());
        TextRenderer renderer = new TextRenderer();
        result.diagnostics().forEach(d -> err.print(renderer.render(d)));
        if (result.script() == null) {
            return 1;
        }
        out.print(AstPrinter.print(result.script()));
        out.flush();
        return 0;
    }

}
