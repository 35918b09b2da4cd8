package xs.ast;

/** {@code /^[a-z]+$/i}: a regular expression written as an input filter argument. */
public record RegexLiteral(String pattern, String flags) {
    @Override
    public String toString() {
        return "/" + pattern + "/" + flags;
    }
}
