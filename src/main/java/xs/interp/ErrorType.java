package xs.interp;

import java.util.Locale;

/**
 * Xano's error types and what they become over HTTP: {@code precondition (…) { error_type =
 * "notfound" }} answers 404 with code ERROR_CODE_NOT_FOUND. Unknown names act as standard.
 */
public enum ErrorType {
    INPUTERROR("inputerror", 400, "ERROR_CODE_INPUT_ERROR"),
    BADREQUEST("badrequest", 400, "ERROR_CODE_BAD_REQUEST"),
    UNAUTHORIZED("unauthorized", 401, "ERROR_CODE_UNAUTHORIZED"),
    ACCESSDENIED("accessdenied", 403, "ERROR_CODE_ACCESS_DENIED"),
    NOTFOUND("notfound", 404, "ERROR_CODE_NOT_FOUND"),
    TOOMANYREQUESTS("toomanyrequests", 429, "ERROR_CODE_TOO_MANY_REQUESTS"),
    /** The database server cannot be reached (for now); not a type scripts can name or throw. */
    UNAVAILABLE("unavailable", 503, "ERROR_CODE_SERVICE_UNAVAILABLE"),
    STANDARD("standard", 500, "ERROR_FATAL");

    private final String written;
    private final int status;
    private final String code;

    ErrorType(String written, int status, String code) {
        this.written = written;
        this.status = status;
        this.code = code;
    }

    public String written() {
        return written;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static boolean isKnown(String name) {
        return lookup(name) != null;
    }

    /** The type a script names; unknown names (and null) are {@link #STANDARD}. */
    public static ErrorType of(String name) {
        ErrorType t = lookup(name);
        return t == null ? STANDARD : t;
    }

    private static ErrorType lookup(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        for (ErrorType t : values()) {
            if (t.written.equals(n) && t != UNAVAILABLE) {
                return t;
            }
        }
        return null;
    }
}
