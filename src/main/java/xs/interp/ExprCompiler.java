package xs.interp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.ArrayExpr;
import xs.ast.BetweenExpr;
import xs.ast.BinaryExpr;
import xs.ast.Expr;
import xs.ast.ExprVisitor;
import xs.ast.FilterExpr;
import xs.ast.IndexExpr;
import xs.ast.Literal;
import xs.ast.MemberExpr;
import xs.ast.NowExpr;
import xs.ast.ObjectExpr;
import xs.ast.SpreadExpr;
import xs.ast.TernaryExpr;
import xs.ast.UnaryExpr;
import xs.ast.VarExpr;
import xs.interp.filters.Filter;
import xs.interp.filters.FilterRegistry;
import xs.source.Span;

/**
 * Compiles expressions into closures over a frame, once per construct. Variables are resolved
 * to slots at compile time, filters to their implementation, so running a script does no name
 * lookups.
 */
final class ExprCompiler implements ExprVisitor<Eval> {
    private final SlotTable slots;
    private final FilterRegistry filters;

    ExprCompiler(SlotTable slots, FilterRegistry filters) {
        this.slots = slots;
        this.filters = filters;
    }

    Eval compile(Expr e) {
        return e == null ? f -> null : e.accept(this);
    }

    @Override
    public Eval visitLiteral(Literal e) {
        // 1.50 is the number 1.5, as in Xano: its text is "1.5", not "1.50".
        Object value = e.value() instanceof BigDecimal d ? Values.decimal(d) : e.value();
        return f -> value;
    }

    @Override
    public Eval visitNow(NowExpr e) {
        return f -> f.context.now();
    }

    @Override
    public Eval visitVar(VarExpr e) {
        switch (e.name()) {
            case "input":
                return f -> f.input;
            case "auth":
                return f -> f.auth;
            case "env":
                return f -> f.context.environment();
            case "db":
                Span span = e.span();
                return f -> {
                    throw XsError.runtime(span, "$db can only be used inside a where clause of a db statement");
                };
            default:
                int slot = slots.slot(VarExpr.ELEMENT.equals(e.name()) ? SlotTable.ELEMENT : e.name());
                return f -> f.get(slot);
        }
    }

    @Override
    public Eval visitMember(MemberExpr e) {
        Eval target = compile(e.target());
        // Interned, like the keys of object literals, input fields and Jackson's field names, so
        // most lookups succeed on the identity check before String.equals.
        String name = e.name().intern();
        return f -> member(target.eval(f), name);
    }

    /** A field of an object, or an element of an array by numeric name; null when missing. */
    static Object member(Object value, String name) {
        if (value instanceof Map<?, ?> m) {
            return m.get(name);
        }
        if (value instanceof List<?> l && !name.isEmpty() && Character.isDigit(name.charAt(0))) {
            try {
                int i = Integer.parseInt(name);
                return i < l.size() ? l.get(i) : null;
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }

    @Override
    public Eval visitIndex(IndexExpr e) {
        Eval target = compile(e.target());
        Eval index = compile(e.index());
        return f -> index(target.eval(f), index.eval(f));
    }

    static Object index(Object value, Object key) {
        if (value instanceof List<?> l) {
            Object n = Values.number(key);
            if (n instanceof Long i) {
                long at = i < 0 ? l.size() + i : i;
                return at >= 0 && at < l.size() ? l.get((int) at) : null;
            }
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            return m.get(Values.toText(key));
        }
        return null;
    }

    @Override
    public Eval visitUnary(UnaryExpr e) {
        Eval operand = compile(e.operand());
        Span span = e.span();
        if (e.op().equals("!")) {
            return f -> !Values.truthy(operand.eval(f));
        }
        return f -> {
            try {
                return Operators.negate(operand.eval(f));
            } catch (XsError x) {
                throw x.at(span);
            }
        };
    }

    @Override
    public Eval visitBinary(BinaryExpr e) {
        Eval l = compile(e.left());
        Eval r = compile(e.right());
        Span span = e.span();
        switch (e.op()) {
            case AND:
                return f -> Values.truthy(l.eval(f)) && Values.truthy(r.eval(f));
            case OR:
                return f -> Values.truthy(l.eval(f)) || Values.truthy(r.eval(f));
            case COALESCE:
                return f -> {
                    Object v = l.eval(f);
                    return v != null ? v : r.eval(f);
                };
            case CONCAT:
                return f -> Operators.concat(l.eval(f), r.eval(f));
            case EQ:
                return f -> Values.looseEquals(l.eval(f), r.eval(f));
            case NE:
                return f -> !Values.looseEquals(l.eval(f), r.eval(f));
            case STRICT_EQ:
                return f -> Values.strictEquals(l.eval(f), r.eval(f));
            case STRICT_NE:
                return f -> !Values.strictEquals(l.eval(f), r.eval(f));
            case GT:
                return f -> Values.compare(l.eval(f), r.eval(f)) > 0;
            case GE:
                return f -> Values.compare(l.eval(f), r.eval(f)) >= 0;
            case LT:
                return f -> Values.compare(l.eval(f), r.eval(f)) < 0;
            case LE:
                return f -> Values.compare(l.eval(f), r.eval(f)) <= 0;
            default:
                Operator op = operator(e);
                return f -> {
                    try {
                        return op.apply(l.eval(f), r.eval(f));
                    } catch (XsError x) {
                        throw x.at(span);
                    }
                };
        }
    }

    private interface Operator {
        Object apply(Object a, Object b);
    }

    private static Operator operator(BinaryExpr e) {
        return switch (e.op()) {
            case ADD -> Operators::add;
            case SUB -> Operators::subtract;
            case MUL -> Operators::multiply;
            case DIV -> Operators::divide;
            case MOD -> Operators::modulo;
            case RANGE -> Operators::range;
            case IN -> Operators::in;
            case NOT_IN -> (a, b) -> !Operators.in(a, b);
            case CONTAINS -> Operators::contains;
            case NOT_CONTAINS -> (a, b) -> !Operators.contains(a, b);
            case INCLUDES -> Operators::includes;
            case NOT_INCLUDES -> (a, b) -> !Operators.includes(a, b);
            case LIKE -> (a, b) -> Operators.like(a, b, false);
            case NOT_LIKE -> (a, b) -> !Operators.like(a, b, false);
            case ILIKE -> (a, b) -> Operators.like(a, b, true);
            case NOT_ILIKE -> (a, b) -> !Operators.like(a, b, true);
            case OVERLAPS -> Operators::overlaps;
            case NOT_OVERLAPS -> (a, b) -> !Operators.overlaps(a, b);
            case SEARCH -> Operators::includes;
            case NOT_SEARCH -> (a, b) -> !Operators.includes(a, b);
            case JSON_CONTAINS -> Operators::jsonContains;
            case NOT_REGEX -> (a, b) -> !Operators.regex(a, b);
            default -> throw new IllegalStateException("operator without implementation: " + e.op());
        };
    }

    @Override
    public Eval visitBetween(BetweenExpr e) {
        Eval value = compile(e.value());
        Eval low = compile(e.low());
        Eval high = compile(e.high());
        boolean negated = e.negated();
        return f -> {
            Object v = value.eval(f);
            boolean inside = Values.compare(v, low.eval(f)) >= 0 && Values.compare(v, high.eval(f)) <= 0;
            return inside != negated;
        };
    }

    @Override
    public Eval visitTernary(TernaryExpr e) {
        Eval c = compile(e.condition());
        Eval a = compile(e.then());
        Eval b = compile(e.otherwise());
        return f -> Values.truthy(c.eval(f)) ? a.eval(f) : b.eval(f);
    }

    @Override
    public Eval visitFilter(FilterExpr e) {
        Eval subject = compile(e.subject());
        if (e.disabled()) {
            return subject;
        }
        Span span = e.span();
        String name = e.name();
        Filter filter = filters.get(name);
        if (filter == null) {
            return f -> {
                throw XsError.runtime(e.nameSpan(), "unknown filter '" + name + "'"
                    + xs.diag.Suggest.didYouMean(name, filters.names()));
            };
        }
        Eval[] args = new Eval[e.args().size()];
        boolean[] constant = new boolean[args.length];
        for (int i = 0; i < args.length; i++) {
            Expr arg = e.args().get(i);
            args[i] = compile(arg);
            constant[i] = arg instanceof Literal;
        }
        return f -> {
            try {
                return filter.apply(new FilterInvocation(name, subject.eval(f), args, constant, f));
            } catch (XsError x) {
                throw x.at(span);
            } catch (RuntimeException x) {
                throw XsError.runtime(span, "filter '" + name + "' failed: " + x);
            }
        };
    }

    @Override
    public Eval visitObject(ObjectExpr e) {
        List<ObjectExpr.Entry> entries = new ArrayList<>();
        for (ObjectExpr.Entry entry : e.entries()) {
            if (!entry.disabled()) {
                entries.add(entry);
            }
        }
        int n = entries.size();
        String[] keys = new String[n];
        Eval[] values = new Eval[n];
        for (int i = 0; i < n; i++) {
            String key = entries.get(i).key();
            keys[i] = key == null ? null : key.intern();
            values[i] = compile(entries.get(i).value());
        }
        Span span = e.span();
        return f -> {
            LinkedHashMap<String, Object> out = new LinkedHashMap<>(Math.max(4, n * 2));
            for (int i = 0; i < n; i++) {
                Object v = values[i].eval(f);
                if (keys[i] != null) {
                    out.put(keys[i], v);
                } else if (v instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> x : m.entrySet()) {
                        out.put(String.valueOf(x.getKey()), x.getValue());
                    }
                } else if (v != null) {
                    throw XsError.runtime(span, "cannot spread " + Values.typeName(v) + " into an object");
                }
            }
            return out;
        };
    }

    @Override
    public Eval visitArray(ArrayExpr e) {
        int n = e.elements().size();
        Eval[] values = new Eval[n];
        boolean[] spread = new boolean[n];
        for (int i = 0; i < n; i++) {
            Expr el = e.elements().get(i);
            spread[i] = el instanceof SpreadExpr;
            values[i] = compile(el instanceof SpreadExpr s ? s.value() : el);
        }
        Span span = e.span();
        return f -> {
            List<Object> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object v = values[i].eval(f);
                if (!spread[i]) {
                    out.add(v);
                } else if (v instanceof List<?> l) {
                    out.addAll(l);
                } else if (v != null) {
                    throw XsError.runtime(span, "cannot spread " + Values.typeName(v) + " into an array");
                }
            }
            return out;
        };
    }

    @Override
    public Eval visitSpread(SpreadExpr e) {
        Span span = e.span();
        return f -> {
            throw XsError.runtime(span, "'...' can only be used inside an array or object literal");
        };
    }
}
