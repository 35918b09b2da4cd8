package xs.interp;

import xs.diag.Code;
import xs.source.Span;

/**
 * One {@code util.post_process} stack, waiting for the response to be delivered: it runs on
 * the variables, and in the data source, as they were when the statement was reached, with a
 * time limit of its own, and its errors are reported (never sent: the client already has its answer).
 * <pre>util.post_process { stack { api.request { url = $hook method = "POST" params = $order } } }</pre>
 */
public final class PostProcess {
    private final Exec stack;
    private final Frame frame;
    private final Span span;
    /** The data source when the statement was reached: a later switch of the stack is not the post-process's. */
    private final String datasource;

    PostProcess(Exec stack, Frame frame, Span span) {
        this.stack = stack;
        this.frame = frame;
        this.span = span;
        this.datasource = frame.context.datasource();
    }

    /** Where the statement is, for reports. */
    public Span span() {
        return span;
    }

    /**
     * Runs the stack now. {@code delivery} takes what it streams and the post-process stacks it
     * reaches in turn.
     */
    public Outcome run(Delivery delivery) {
        RunContext was = frame.context;
        RunContext context = new RunContext(was.interpreter, was.services, was.testName, was.request, delivery);
        try {
            context.useDataSource(datasource, span);
            stack.exec(frame.rebind(context));
            return new Outcome(null, null, context.logs());
        } catch (XsError e) {
            return new Outcome(null, e, context.logs());
        } catch (StackOverflowError e) {
            return new Outcome(null, XsError.runtime(span, "the script recursed too deeply for the available stack")
                .withCode(Code.XS0304), context.logs());
        }
    }

    /** A failure of {@code work} as one log line, with the file and line where it happened. */
    public static String describe(XsError e, PostProcess work) {
        Span at = e.span() != null ? e.span() : work.span;
        return "util.post_process (" + work.span + ") failed at " + at + ": " + e.getMessage();
    }
}
