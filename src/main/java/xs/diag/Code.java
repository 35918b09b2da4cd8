package xs.diag;

/**
 * Stable diagnostic codes. XS00xx: files and usage; XS01xx: syntax; XS02xx: static checks;
 * XS03xx: runtime. Codes never change meaning once published: editors and CI match on them.
 */
public enum Code {
    XS0001("cannot read file"),
    XS0002("internal error"),

    XS0101("syntax error"),
    XS0102("unterminated string"),
    XS0103("unclosed block"),
    XS0104("unknown character"),
    XS0105("nesting too deep"),
    XS0106("'#' comment"),
    XS0107("not a text file"),
    XS0108("empty file"),
    XS0109("misplaced item"),
    XS0110("invalid literal"),
    XS0111("invalid backtick expression"),
    XS0112("exporter quirk"),
    XS0113("filter before an operator"),

    XS0201("variable never assigned"),
    XS0202("undeclared input"),
    XS0203("unknown filter"),
    XS0204("unknown statement"),
    XS0205("statement not supported by xs run"),
    XS0206("unknown function"),
    XS0207("duplicate name"),
    XS0208("invalid message_history"),
    XS0209("unknown channel setting"),
    XS0210("setting must be true or false"),
    XS0211("trigger matches no channel"),
    XS0212("unknown error_type"),
    XS0213("table created on first write"),
    XS0214("unknown attribute"),
    XS0215("missing attribute"),
    XS0216("reserved variable"),
    XS0217("channel matches no realtime_channel"),
    XS0218("invalid declaration"),
    XS0219("unknown construct"),
    XS0220("construct without a name"),
    XS0221("bare word names a variable"),
    XS0222("route collision"),
    XS0223("unknown middleware"),

    XS0301("runtime error"),
    XS0302("input error"),
    XS0303("timeout"),
    XS0304("too deep"),
    XS0305("unsupported statement");

    private final String title;

    Code(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
