package xs.source;

/**
 * A range of characters [start, end) in a {@link Source}: where a construct, statement or
 * expression was written. {@code $input.x} at line 3 has a span covering those 8 characters.
 */
public record Span(Source source, int start, int end) {

    public Span {
        if (end < start) {
            end = start;
        }
    }

    public static Span of(Source source, int start, int end) {
        return new Span(source, start, end);
    }

    /** A span that covers both spans (they must come from the same source). */
    public Span to(Span other) {
        return new Span(source, Math.min(start, other.start), Math.max(end, other.end));
    }

    public int line() {
        return source.line(start);
    }

    public int column() {
        return source.column(start);
    }

    public int endLine() {
        return source.line(end);
    }

    public int endColumn() {
        return source.column(end);
    }

    public String text() {
        return source.text().substring(start, Math.min(end, source.text().length()));
    }

    /** {@code line:col}, as used in messages that point at another place. */
    public String position() {
        return line() + ":" + column();
    }

    @Override
    public String toString() {
        return source.name() + ":" + position();
    }
}
