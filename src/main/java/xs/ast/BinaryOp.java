package xs.ast;

/** The binary operators, with their written form. Where-clause operators are included. */
public enum BinaryOp {
    MUL("*"), DIV("/"), MOD("%"), ADD("+"), SUB("-"), CONCAT("~"),
    EQ("=="), NE("!="), STRICT_EQ("==="), STRICT_NE("!=="), GT(">"), GE(">="), LT("<"), LE("<="),
    RANGE(".."), NOT_REGEX("!~"), JSON_CONTAINS("@>"),
    IN("in"), NOT_IN("not in"), CONTAINS("contains"), NOT_CONTAINS("not contains"),
    INCLUDES("includes"), NOT_INCLUDES("not includes"), LIKE("like"), NOT_LIKE("not like"),
    ILIKE("ilike"), NOT_ILIKE("not ilike"), OVERLAPS("overlaps"), NOT_OVERLAPS("not overlaps"),
    SEARCH("search"), NOT_SEARCH("not search"),
    AND("&&"), OR("||"), COALESCE("??");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static BinaryOp fromSymbol(String symbol) {
        for (BinaryOp op : values()) {
            if (op.symbol.equals(symbol)) {
                return op;
            }
        }
        throw new IllegalArgumentException("unknown operator " + symbol);
    }
}
