package xs.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.source.Span;

/**
 * The array.* statements of reference §6.7. Mutating ones ({@code array.push $list {value=1}})
 * change the variable in place when this frame alone holds the array, and copy it otherwise;
 * searching ones ({@code array.find $list if ($this > 1) as $hit}) bind $this per element.
 */
final class ArrayStatements {
    private ArrayStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("array.push", Set.of("value"), Set.of("value"), (s, c) -> mutate(s, c, Mutation.PUSH));
        r.add("array.unshift", Set.of("value"), Set.of("value"), (s, c) -> mutate(s, c, Mutation.UNSHIFT));
        r.add("array.merge", Set.of("value"), Set.of("value"), (s, c) -> mutate(s, c, Mutation.MERGE));
        r.add("array.pop", Set.of(), Set.of(), (s, c) -> mutate(s, c, Mutation.POP));
        r.add("array.shift", Set.of(), Set.of(), (s, c) -> mutate(s, c, Mutation.SHIFT));
        r.add("array.find", Set.of(), Set.of(), (s, c) -> search(s, c, Search.FIND));
        r.add("array.find_index", Set.of(), Set.of(), (s, c) -> search(s, c, Search.FIND_INDEX));
        r.add("array.has", Set.of(), Set.of(), (s, c) -> search(s, c, Search.HAS));
        r.add("array.every", Set.of(), Set.of(), (s, c) -> search(s, c, Search.EVERY));
        r.add("array.filter", Set.of(), Set.of(), (s, c) -> search(s, c, Search.FILTER));
        r.add("array.filter_count", Set.of(), Set.of(), (s, c) -> search(s, c, Search.COUNT));
        r.add("array.partition", Set.of(), Set.of(), (s, c) -> search(s, c, Search.PARTITION));
        r.add("array.map", Set.of("by"), Set.of("by"), ArrayStatements::map);
        r.add("array.group_by", Set.of("by"), Set.of("by"), ArrayStatements::groupBy);
        r.add("array.union", Set.of("value", "by"), Set.of("value"), (s, c) -> sets(s, c, "union"));
        r.add("array.difference", Set.of("value", "by"), Set.of("value"), (s, c) -> sets(s, c, "difference"));
        r.add("array.intersection", Set.of("value", "by"), Set.of("value"), (s, c) -> sets(s, c, "intersection"));
    }

    private enum Mutation { PUSH, UNSHIFT, MERGE, POP, SHIFT }

    private enum Search { FIND, FIND_INDEX, HAS, EVERY, FILTER, COUNT, PARTITION }

    private static Exec mutate(GenericStmt s, Compilation c, Mutation kind) {
        if (s.argument() == null) {
            throw XsError.runtime(s.nameSpan(), s.name() + " needs the array variable, as in: " + s.name() + " $list");
        }
        Target list = c.target(s.argument());
        Eval value = c.attr(s, "value", null);
        Target result = c.as(s);
        Span span = s.span();
        return f -> {
            Object current = list.read(f);
            if (current != null && !(current instanceof List<?>)) {
                throw XsError.runtime(span, s.name() + " needs an array in $" + list.variable() + ", got "
                    + Values.typeName(current));
            }
            @SuppressWarnings("unchecked")
            List<Object> items = current != null && list.ownsRoot(f) ? (List<Object>) current
                : current == null ? new ArrayList<>() : new ArrayList<>((List<?>) current);
            Object out = null;
            switch (kind) {
                case PUSH -> items.add(value.eval(f));
                case UNSHIFT -> items.add(0, value.eval(f));
                case MERGE -> {
                    Object more = value.eval(f);
                    if (more instanceof List<?> l) {
                        items.addAll(l);
                    } else if (more != null) {
                        items.add(more);
                    }
                }
                case POP -> out = items.isEmpty() ? null : items.remove(items.size() - 1);
                case SHIFT -> out = items.isEmpty() ? null : items.remove(0);
            }
            list.writeOwned(f, items);
            if (result != null) {
                result.write(f, out);
            }
            return Exec.NORMAL;
        };
    }

    private static Exec search(GenericStmt s, Compilation c, Search kind) {
        Eval source = s.argument() == null ? f -> null : c.expr(s.argument());
        Eval condition = s.condition() == null ? f -> true : c.expr(s.condition());
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            List<?> items = list(source.eval(f), s.name(), span);
            List<Object> matched = new ArrayList<>();
            List<Object> rest = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                boolean ok = Values.truthy(ElementScope.eval(f, condition, item, i, items));
                switch (kind) {
                    case FIND:
                        if (ok) {
                            return item;
                        }
                        break;
                    case FIND_INDEX:
                        if (ok) {
                            return (long) i;
                        }
                        break;
                    case HAS:
                        if (ok) {
                            return true;
                        }
                        break;
                    case EVERY:
                        if (!ok) {
                            return false;
                        }
                        break;
                    default:
                        (ok ? matched : rest).add(item);
                }
            }
            return switch (kind) {
                case FIND -> null;
                case FIND_INDEX -> -1L;
                case HAS -> false;
                case EVERY -> true;
                case FILTER -> matched;
                case COUNT -> (long) matched.size();
                case PARTITION -> new ArrayList<>(List.of(matched, rest));
            };
        });
    }

    private static Exec map(GenericStmt s, Compilation c) {
        Eval source = s.argument() == null ? f -> null : c.expr(s.argument());
        Eval by = c.required(s, "by");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            List<?> items = list(source.eval(f), s.name(), span);
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(ElementScope.eval(f, by, items.get(i), i, items));
            }
            return out;
        });
    }

    private static Exec groupBy(GenericStmt s, Compilation c) {
        Eval source = s.argument() == null ? f -> null : c.expr(s.argument());
        Eval by = c.required(s, "by");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            List<?> items = list(source.eval(f), s.name(), span);
            Map<String, Object> groups = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                String key = Values.toText(ElementScope.eval(f, by, items.get(i), i, items));
                @SuppressWarnings("unchecked")
                List<Object> group = (List<Object>) groups.computeIfAbsent(key, k -> new ArrayList<>());
                group.add(items.get(i));
            }
            return groups;
        });
    }

    private static Exec sets(GenericStmt s, Compilation c, String kind) {
        Eval source = s.argument() == null ? f -> null : c.expr(s.argument());
        Eval other = c.required(s, "value");
        Eval by = c.attr(s, "by");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            List<?> left = list(source.eval(f), s.name(), span);
            List<?> right = list(other.eval(f), s.name(), span);
            List<Object> rightKeys = keys(f, right, by);
            List<Object> out = new ArrayList<>();
            List<Object> seen = new ArrayList<>();
            List<Object> leftKeys = keys(f, left, by);
            for (int i = 0; i < left.size(); i++) {
                boolean inRight = contains(rightKeys, leftKeys.get(i));
                boolean keep = switch (kind) {
                    case "difference" -> !inRight;
                    case "intersection" -> inRight;
                    default -> true;
                };
                if (keep && !contains(seen, leftKeys.get(i))) {
                    seen.add(leftKeys.get(i));
                    out.add(left.get(i));
                }
            }
            if (kind.equals("union")) {
                for (int i = 0; i < right.size(); i++) {
                    if (!contains(seen, rightKeys.get(i))) {
                        seen.add(rightKeys.get(i));
                        out.add(right.get(i));
                    }
                }
            }
            return out;
        });
    }

    private static List<Object> keys(Frame f, List<?> items, Eval by) {
        List<Object> keys = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            keys.add(by == null ? items.get(i) : ElementScope.eval(f, by, items.get(i), i, items));
        }
        return keys;
    }

    private static boolean contains(List<Object> values, Object v) {
        for (Object o : values) {
            if (Values.looseEquals(o, v)) {
                return true;
            }
        }
        return false;
    }

    static List<?> list(Object value, String statement, Span span) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l;
        }
        throw XsError.runtime(span, statement + " needs an array, got " + Values.typeName(value));
    }
}
