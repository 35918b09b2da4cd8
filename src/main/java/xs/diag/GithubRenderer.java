package xs.diag;

/**
 * Renders diagnostics as GitHub Actions workflow commands, so CI shows them on the diff:
 * {@code ::error file=a.xs,line=3,col=5,endLine=3,endColumn=6,title=XS0101::message}.
 */
public final class GithubRenderer {

    public String render(Diagnostic d) {
        String command = switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
        StringBuilder out = new StringBuilder("::").append(command).append(' ');
        if (d.span() != null) {
            out.append("file=").append(property(d.span().source().name()))
                .append(",line=").append(d.span().line())
                .append(",col=").append(d.span().column())
                .append(",endLine=").append(d.span().endLine())
                .append(",endColumn=").append(d.span().endColumn())
                .append(',');
        }
        out.append("title=").append(d.code()).append("::").append(data(d.message()));
        return out.toString();
    }

    // Escaping as the workflow-command format defines it.
    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
