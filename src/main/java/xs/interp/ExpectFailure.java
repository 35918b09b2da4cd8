package xs.interp;

import xs.source.Span;

/**
 * A failed {@code expect.*} assertion of a test block. Not an {@link XsError}: a script's
 * try_catch cannot swallow it, it always ends the test.
 */
public final class ExpectFailure extends RuntimeException {
    private final Span span;
    private final String assertion;

    ExpectFailure(Span span, String assertion, String message) {
        super(message, null, false, false);
        this.span = span;
        this.assertion = assertion;
    }

    public Span span() {
        return span;
    }

    /** The statement that failed, e.g. expect.to_equal. */
    public String assertion() {
        return assertion;
    }
}
