package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.diag.Code;
import xs.source.Span;

/**
 * A failure while running a script: a precondition, a throw, bad input or a runtime fault.
 * It carries Xano's error type (HTTP status and body code), the message and payload the
 * script gave, where it happened, and the chain of function.run calls that led there.
 * <pre>precondition ($user) { error_type = "notfound"  error = "No such user" }</pre>
 */
public final class XsError extends RuntimeException {
    private final ErrorType type;
    private final Object payload;
    private final String param;
    private final String name;
    private Span span;
    private Code code = Code.XS0301;
    private final List<String> frames = new ArrayList<>();

    public XsError(ErrorType type, String message, Object payload, String param, Span span) {
        this(type, null, message, payload, param, span);
    }

    public XsError(ErrorType type, String name, String message, Object payload, String param, Span span) {
        super(message, null, false, false);
        this.type = type;
        this.name = name;
        this.payload = payload;
        this.param = param;
        this.span = span;
    }

    /** A runtime fault (standard type, HTTP 500) at a place in the script. */
    public static XsError runtime(Span span, String message) {
        return new XsError(ErrorType.STANDARD, message, null, null, span);
    }

    /** Bad input for a declared field (HTTP 400, with {@code param} naming the field). */
    public static XsError input(Span span, String param, String message) {
        return new XsError(ErrorType.INPUTERROR, message, null, param, span).withCode(Code.XS0302);
    }

    /** The diagnostic code this error is reported under (XS0301 unless more specific). */
    public Code code() {
        return code;
    }

    public XsError withCode(Code code) {
        this.code = code;
        return this;
    }

    public ErrorType type() {
        return type;
    }

    /** The name a {@code throw} gave, else the error type's code. */
    public String name() {
        return name != null ? name : type.code();
    }

    public Object payload() {
        return payload;
    }

    public String param() {
        return param;
    }

    public Span span() {
        return span;
    }

    /** Sets the position if none is known yet (errors raised deep inside a filter get the filter's). */
    public XsError at(Span where) {
        if (span == null) {
            span = where;
        }
        return this;
    }

    /** Records that the error passed out of a function.run call. */
    public XsError through(String frame) {
        frames.add(frame);
        return this;
    }

    /** The function.run calls the error passed through, innermost first. */
    public List<String> frames() {
        return List.copyOf(frames);
    }

    /**
     * The HTTP body Xano sends: {@code {code, message, payload}}; for an input error the payload
     * is {@code {"param": NAME}}, the field at fault.
     */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", type.code());
        body.put("message", getMessage());
        if (param != null && payload == null) {
            Map<String, Object> where = new LinkedHashMap<>();
            where.put("param", param);
            body.put("payload", where);
        } else {
            body.put("payload", payload == null ? "" : payload);
        }
        return body;
    }
}
