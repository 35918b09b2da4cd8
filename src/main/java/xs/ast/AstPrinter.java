package xs.ast;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Prints the AST as an indented outline with every expression fully parenthesised, so a
 * learner sees exactly how a script was read: {@code $l|map:$$.t|sum} prints as
 * {@code (($l|map:$$.t)|sum)}. Golden tests compare these dumps.
 */
public final class AstPrinter {
    private final StringBuilder out = new StringBuilder();

    public static String print(Script script) {
        AstPrinter p = new AstPrinter();
        for (Construct c : script.constructs()) {
            p.construct(c);
        }
        return p.out.toString();
    }

    public static String print(Expr expr) {
        return expr.accept(new ExprText());
    }

    public static String print(List<Member> members) {
        AstPrinter p = new AstPrinter();
        p.members(members, 0);
        return p.out.toString();
    }

    private void construct(Construct c) {
        StringBuilder head = new StringBuilder(c.kind());
        if (c.name() != null) {
            head.append(' ').append(quote(c.name()));
        }
        if (c.verb() != null) {
            head.append(" verb=").append(c.verb());
        }
        line(0, head.toString());
        members(c.members(), 1);
    }

    private void members(List<Member> members, int depth) {
        for (Member m : members) {
            if (m instanceof Attribute a) {
                line(depth, (a.disabled() ? "!" : "") + a.key() + " = " + print(a.value()));
            } else if (m instanceof DeclBlock d) {
                line(depth, d.kind());
                for (InputDecl decl : d.decls()) {
                    decl(decl, depth + 1);
                }
            } else if (m instanceof StackClause s) {
                line(depth, "stack");
                block(s.block(), depth + 1);
            } else {
                statement((Stmt) m, depth);
            }
        }
    }

    private void decl(InputDecl d, int depth) {
        StringBuilder b = new StringBuilder(d.disabled() ? "!" : "").append(d.type());
        if (d.array()) {
            b.append('[');
            if (d.minItems() != null) {
                b.append(d.minItems()).append(':').append(d.maxItems());
            }
            b.append(']');
        }
        if (d.nullable()) {
            b.append('?');
        }
        if (d.name() != null) {
            b.append(' ').append(d.name());
        }
        if (d.optional()) {
            b.append('?');
        }
        if (d.defaultValue() != null) {
            b.append(" default=").append(print(d.defaultValue()));
        }
        if (!d.filters().isEmpty()) {
            b.append(" filters=");
            for (int i = 0; i < d.filters().size(); i++) {
                InputFilter f = d.filters().get(i);
                b.append(i == 0 ? "" : "|").append(f.disabled() ? "!" : "").append(f.name());
                for (Object arg : f.args()) {
                    b.append(':').append(arg instanceof String s ? quote(s) : String.valueOf(arg));
                }
            }
        }
        line(depth, b.toString());
        members(d.members(), depth + 1);
    }

    private void block(Block block, int depth) {
        for (Stmt s : block.statements()) {
            statement(s, depth);
        }
    }

    private void statement(Stmt stmt, int depth) {
        String bang = stmt.disabled() ? "!" : "";
        if (stmt instanceof GenericStmt g) {
            StringBuilder b = new StringBuilder(bang).append(g.name());
            if (g.argument() != null) {
                b.append(' ').append(print(g.argument()));
            }
            if (g.condition() != null) {
                b.append(" if ").append(paren(g.condition()));
            }
            if (g.verb() != null) {
                b.append(" verb=").append(g.verb());
            }
            if (g.target() != null) {
                b.append(" as ").append(print(g.target()));
            }
            if (g.resultFilters() != null) {
                b.append(" after ").append(print(g.resultFilters()));
            }
            line(depth, b.toString());
            members(g.members(), depth + 1);
        } else if (stmt instanceof ConditionalStmt c) {
            line(depth, bang + "conditional");
            attributes(c.attributes(), depth + 1);
            for (int i = 0; i < c.branches().size(); i++) {
                ConditionalStmt.Branch br = c.branches().get(i);
                line(depth + 1, (i == 0 ? "if " : "elseif ") + paren(br.condition()));
                block(br.body(), depth + 2);
            }
            if (c.otherwise() != null) {
                line(depth + 1, "else");
                block(c.otherwise(), depth + 2);
            }
        } else if (stmt instanceof SwitchStmt s) {
            line(depth, bang + "switch " + paren(s.subject()));
            attributes(s.attributes(), depth + 1);
            for (SwitchStmt.Case c : s.cases()) {
                line(depth + 1, "case " + paren(c.value()) + (c.breaks() ? " break" : ""));
                block(c.body(), depth + 2);
            }
            if (s.otherwise() != null) {
                line(depth + 1, "default");
                block(s.otherwise(), depth + 2);
            }
        } else if (stmt instanceof LoopStmt l) {
            String each = l.element() == null ? "each" : "each as " + print(l.element());
            line(depth, bang + l.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + paren(l.subject()) + " " + each);
            attributes(l.attributes(), depth + 1);
            block(l.body(), depth + 1);
        } else if (stmt instanceof TryCatchStmt t) {
            line(depth, bang + "try_catch");
            attributes(t.attributes(), depth + 1);
            line(depth + 1, "try");
            block(t.tryBlock(), depth + 2);
            if (t.catchBlock() != null) {
                line(depth + 1, "catch");
                block(t.catchBlock(), depth + 2);
            }
            if (t.finallyBlock() != null) {
                line(depth + 1, "finally");
                block(t.finallyBlock(), depth + 2);
            }
        } else if (stmt instanceof GroupStmt g) {
            line(depth, bang + "group");
            attributes(g.attributes(), depth + 1);
            block(g.body(), depth + 1);
        } else if (stmt instanceof BreakStmt) {
            line(depth, bang + "break");
        } else {
            line(depth, bang + "continue");
        }
    }

    private void attributes(List<Attribute> attributes, int depth) {
        members(List.copyOf(attributes), depth);
    }

    private static String paren(Expr e) {
        String text = print(e);
        return text.startsWith("(") && text.endsWith(")") ? text : "(" + text + ")";
    }

    private void line(int depth, String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Writes one expression, parenthesising every operator application. */
    private static final class ExprText implements ExprVisitor<String> {
        @Override
        public String visitLiteral(Literal e) {
            return value(e.value());
        }

        @Override
        public String visitNow(NowExpr e) {
            return "now";
        }

        @Override
        public String visitVar(VarExpr e) {
            if (VarExpr.STATEMENT_RESULT.equals(e.name())) {
                return "<result>";
            }
            return VarExpr.ELEMENT.equals(e.name()) ? "$$" : "$" + e.name();
        }

        @Override
        public String visitMember(MemberExpr e) {
            return e.target().accept(this) + "." + e.name();
        }

        @Override
        public String visitIndex(IndexExpr e) {
            return e.target().accept(this) + "[" + e.index().accept(this) + "]";
        }

        @Override
        public String visitUnary(UnaryExpr e) {
            return "(" + e.op() + e.operand().accept(this) + ")";
        }

        @Override
        public String visitBinary(BinaryExpr e) {
            return "(" + e.left().accept(this) + " " + e.op().symbol() + (e.ignoreIfNull() ? "?" : "") + " "
                + e.right().accept(this) + ")";
        }

        @Override
        public String visitBetween(BetweenExpr e) {
            return "(" + e.value().accept(this) + (e.negated() ? " not between " : " between ")
                + e.low().accept(this) + ":" + e.high().accept(this) + ")";
        }

        @Override
        public String visitTernary(TernaryExpr e) {
            return "(" + e.condition().accept(this) + " ? " + e.then().accept(this) + " : "
                + e.otherwise().accept(this) + ")";
        }

        @Override
        public String visitFilter(FilterExpr e) {
            StringBuilder b = new StringBuilder("(");
            if (e.subject() != null) {
                b.append(e.subject().accept(this));
            }
            b.append('|').append(e.disabled() ? "!" : "").append(e.name());
            for (Expr arg : e.args()) {
                b.append(':').append(arg.accept(this));
            }
            return b.append(')').toString();
        }

        @Override
        public String visitObject(ObjectExpr e) {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < e.entries().size(); i++) {
                ObjectExpr.Entry entry = e.entries().get(i);
                b.append(i == 0 ? "" : ", ");
                if (entry.isSpread()) {
                    b.append("...").append(entry.value().accept(this));
                } else {
                    b.append(entry.disabled() ? "!" : "").append(key(entry.key())).append(": ")
                        .append(entry.value().accept(this));
                }
            }
            return b.append('}').toString();
        }

        @Override
        public String visitArray(ArrayExpr e) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < e.elements().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(e.elements().get(i).accept(this));
            }
            return b.append(']').toString();
        }

        @Override
        public String visitSpread(SpreadExpr e) {
            return "..." + e.value().accept(this);
        }

        private static String key(String key) {
            return key.matches("[A-Za-z_][A-Za-z0-9_.]*") ? key : quote(key);
        }

        private static String value(Object v) {
            if (v == null) {
                return "null";
            }
            if (v instanceof String s) {
                return quote(s);
            }
            if (v instanceof BigDecimal d) {
                return d.toPlainString();
            }
            if (v instanceof Map<?, ?> || v instanceof List<?>) {
                return String.valueOf(v);
            }
            return v.toString();
        }
    }
}
