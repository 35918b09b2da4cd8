package xs.cli;

import java.io.PrintWriter;
import java.util.Map;
import xs.ast.Program;
import xs.interp.EventRecorder;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.realtime.Tokens;
import xs.services.StandardOutside;
import xs.workspace.Api;
import xs.workspace.TableTriggers;
import xs.workspace.Workspace;

/**
 * What a program runs with outside {@code xs serve}, for {@code xs run} and each test of {@code xs test},
 * e.g. {@code xs run f.xs --data seed.json}: the database, recorded realtime events, $env, the time
 * limit, lambdas and the outside services, and an interpreter wired to its workspace as a server wires it.
 */
final class RunServices {
    private RunServices() {
    }

    /**
     * A database of --data and --db (throwaway: the one of a single test, its PostgreSQL schema dropped
     * on close) with everything else a script reaches; the caller closes {@code database()}.
     */
    static Services create(Program program, RunOptions options, Map<String, String> environment, EventRecorder events,
                           boolean throwaway) throws ProgramSetup.SetupException {
        return Services.of(ProgramSetup.database(program, options.data, null, options.database(), throwaway),
                events, environment, options.timeoutMillis())
            .withLambdas(ProgramSetup.lambdas())
            .with(StandardOutside.create());
    }

    /**
     * Table triggers run (their failures logged on err), and api.call and security.create_auth_token
     * reach the workspace's API, as under xs serve.
     */
    static Api wire(Interpreter interpreter, Workspace workspace, Tokens tokens, PrintWriter err) {
        TableTriggers.attach(interpreter, line -> err.println("xs: " + line));
        return new Api(workspace, interpreter, tokens);
    }
}
