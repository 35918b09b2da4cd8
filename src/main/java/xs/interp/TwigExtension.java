package xs.interp;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.interp.filters.FilterRegistry;

/**
 * Twig's filters that Pebble lacks or spells differently, run by the XanoScript filters of the
 * same meaning so templates and scripts agree: {@code json_encode}, {@code number_format},
 * {@code url_encode}, {@code date} (PHP format letters), {@code e} (Pebble's {@code escape}),
 * {@code striptags}, {@code nl2br}, {@code keys}, {@code round}, {@code format}; and the
 * {@code pairs} function behind {@code for key, value in …}.
 * <pre>{{ $var.total|number_format(2, '.', ',') }}</pre>
 */
final class TwigExtension extends AbstractExtension {
    private final FilterRegistry registry;
    private final java.util.function.LongSupplier clock;

    TwigExtension(FilterRegistry registry, java.util.function.LongSupplier clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Map<String, Filter> getFilters() {
        Map<String, Filter> f = new HashMap<>();
        f.put("json_encode", xs("json_encode"));
        f.put("number_format", xs("number_format"));
        f.put("url_encode", xs("url_encode"));
        f.put("date", xs("format_timestamp"));
        f.put("e", new Positional() {
            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                int line) {
                return input == null ? "" : org.unbescape.html.HtmlEscape.escapeHtml4Xml(Values.toText(input));
            }
        });
        f.put("striptags", xs("strip_html"));
        f.put("keys", xs("keys"));
        f.put("round", xs("round"));
        f.put("format", xs("sprintf"));
        f.put("nl2br", new Positional() {
            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                int line) {
                return input == null ? "" : Values.toText(input).replace("\n", "<br />\n");
            }
        });
        return f;
    }

    @Override
    public Map<String, Function> getFunctions() {
        Map<String, Function> f = new HashMap<>();
        f.put("pairs", new Function() {
            @Override
            public List<String> getArgumentNames() {
                return List.of("subject");
            }

            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                return pairs(args.get("subject"));
            }
        });
        return f;
    }

    /** Keys and values of an object, or indexes and elements of a list. */
    private static List<Object> pairs(Object subject) {
        List<Object> out = new ArrayList<>();
        if (subject instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.add(pair(e.getKey(), e.getValue()));
            }
        } else if (subject instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.add(pair((long) i, l.get(i)));
            }
        }
        return out;
    }

    private static Map<String, Object> pair(Object key, Object value) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", key);
        p.put("value", value);
        return p;
    }

    /** A filter whose arguments arrive by position ("0", "1", …). */
    private abstract static class Positional implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return null;
        }
    }

    private Filter xs(String name) {
        xs.interp.filters.Filter filter = registry.get(name);
        return new Positional() {
            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                int line) {
                Object[] values = new Object[args.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Values.normalize(args.get(String.valueOf(i)));
                }
                return TemplateStatements.printable(filter.apply(
                    new ValueCall("filter '" + name + "' in the template", Values.normalize(input), clock.getAsLong(),
                        values)));
            }
        };
    }
}
