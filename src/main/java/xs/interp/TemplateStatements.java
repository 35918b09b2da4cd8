package xs.interp;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.source.Span;

/**
 * {@code util.template_engine}: a Twig template rendered with Pebble, a maintained Java engine
 * with Twig's syntax ({@link TwigDialect} bridges the differences). The template sees
 * {@code $var} (the stack's variables, also each by its own name), {@code $input}, {@code $env}
 * and {@code $auth}; output is not HTML-escaped unless a filter asks ({@code |e}); undefined
 * names print nothing; templates cannot call Java methods. Output past 16 MB is an error.
 * <pre>util.template_engine { value = "Hello {{ $var.name|title }}" } as $greeting</pre>
 */
final class TemplateStatements {
    static final int MAX_OUTPUT = 16 * 1024 * 1024;
    private static final int CACHED = 256;

    private TemplateStatements() {
    }

    static void register(StatementRegistry r) {
        r.add("util.template_engine", Set.of("value"), Set.of("value"), TemplateStatements::render);
    }

    /** One engine per interpreter would do; templates are compiled once per text and kept in a bounded cache. */
    private static final class Engine {
        final PebbleEngine pebble;
        final Map<String, PebbleTemplate> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PebbleTemplate> eldest) {
                return size() > CACHED;
            }
        });

        Engine(Interpreter interpreter) {
            pebble = new PebbleEngine.Builder().loader(new StringLoader()).autoEscaping(false).strictVariables(false)
                .cacheActive(false).maxRenderedSize(MAX_OUTPUT).newLineTrimming(false)
                .methodAccessValidator(TemplateStatements::pebbleOwn)
                .extension(new TwigExtension(interpreter.filters(), interpreter.services().clock())).build();
        }
    }

    /** Templates may read Pebble's own objects (such as {@code loop}), never call methods of script values or the JDK. */
    private static boolean pebbleOwn(Object object, java.lang.reflect.Method method) {
        return method.getDeclaringClass().getName().startsWith("io.pebbletemplates.");
    }

    private static Exec render(GenericStmt s, Compilation c) {
        Eval value = c.required(s, "value");
        Renderer renderer = renderer(c, s.span(), s.name());
        return CoreStatements.produce(s, c, f -> renderer.render(f, Values.toText(value.eval(f))));
    }

    /** Renders a template's text in a frame (also the {@code sql} of db.direct_query with parser = "template_engine"). */
    interface Renderer {
        String render(Frame f, String text);
    }

    /** A renderer for one statement; its errors name the statement and sit at span. */
    static Renderer renderer(Compilation c, Span span, String statement) {
        Engine engine = new Engine(c.interpreter);
        return (f, text) -> {
            try {
                PebbleTemplate template = engine.cache.get(text);
                if (template == null) {
                    template = engine.pebble.getTemplate(TwigDialect.toPebble(text));
                    engine.cache.put(text, template);
                }
                StringWriter out = new StringWriter();
                template.evaluate(out, context(f));
                return out.toString();
            } catch (PebbleException e) {
                throw XsError.runtime(span, statement + ": " + e.getMessage());
            } catch (XsError e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw XsError.runtime(span, statement + ": the template failed: " + e.getMessage());
            }
        };
    }

    private static Map<String, Object> context(Frame f) {
        Map<String, Object> vars = printableMap(f.variables());
        Map<String, Object> context = new LinkedHashMap<>(vars);
        context.put("var", vars);
        context.put("input", printable(f.input));
        context.put("auth", printable(f.auth));
        context.put("env", printable(new LinkedHashMap<>(f.context.interpreter.environment())));
        return context;
    }

    private static Map<String, Object> printableMap(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, printable(v)));
        return out;
    }

    /** Decimals without trailing zeros, as PHP prints them (2.50 prints 2.5). */
    static Object printable(Object v) {
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() < 0 ? s.setScale(0) : s;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), printable(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(printable(x));
            }
            return out;
        }
        return v;
    }
}
