package xs.interp;

import java.util.List;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.db.JsonDepth;
import xs.source.Span;

/**
 * The statements that act on the response itself: {@code api.stream} sends one value to the
 * client now, while the stack keeps running (a server-sent event over HTTP), and
 * {@code util.post_process} leaves a stack to run once the response has been delivered.
 * <pre>api.stream { value = $chunk }</pre>
 */
final class ResponseStatements {
    private ResponseStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("api.stream", Set.of("value"), Set.of("value"), ResponseStatements::stream);
        r.add("util.post_process", Set.of(), Set.of(), ResponseStatements::postProcess);
    }

    private static Exec stream(GenericStmt s, Compilation c) {
        Eval value = c.required(s, "value");
        Span span = s.span();
        return f -> {
            Object v = value.eval(f);
            if (JsonDepth.tooDeep(v)) {
                throw XsError.runtime(span, "api.stream: the value cannot be sent: " + JsonDepth.limitText());
            }
            RunContext context = f.context;
            context.deadline.check();
            List<WebRequest.Header> headers = context.request == null ? List.of() : context.request.headersSet();
            context.delivery.stream(Values.copy(v), headers);
            context.streamed = true;
            return Exec.NORMAL;
        };
    }

    private static Exec postProcess(GenericStmt s, Compilation c) {
        Exec body = c.stack(s);
        Span span = s.span();
        return f -> {
            f.context.delivery.afterResponse(new PostProcess(body, f.rebind(f.context), span));
            return Exec.NORMAL;
        };
    }
}
