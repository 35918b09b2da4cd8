package xs.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.interp.ChannelConfig;
import xs.interp.Constants;
import xs.interp.Interpreter;
import xs.interp.Json;
import xs.interp.Outcome;
import xs.interp.Values;
import xs.interp.XsError;

/**
 * Finds and runs the {@code realtime_trigger}s of a channel (protocol §6), in both forms:
 * <pre>realtime_trigger "document_edit" { channel = "document:*"  event = "operation"  stack {…} }</pre>
 * fires for messages whose {@code options.event} is "operation", with the payload as $input;
 * <pre>realtime_trigger logIt { channel = "123|chat"  actions = {join: true}  input {…}  stack {…}  response = true }</pre>
 * fires for joins (and messages, when enabled), with {@code {action, channel, client, options, payload}}.
 * Runs on the channel's lane, never on an I/O thread; a {@code false} response refuses.
 */
final class TriggerRunner {
    static final TriggerRunner NONE = new TriggerRunner(null, List.of(), System.err);

    /** One declared trigger; {@code event} is set for the seed form only. */
    private record Trigger(Construct construct, String pattern, Pattern regex, String event, boolean onJoin,
                           boolean onMessage) {
        boolean listensOn(String channel, ChannelConfig config) {
            return pattern.equals(config.pattern()) || regex.matcher(channel).matches();
        }

        String title() {
            return construct.title();
        }
    }

    private final Interpreter interpreter;
    private final List<Trigger> triggers;
    private final PrintStream log;

    private TriggerRunner(Interpreter interpreter, List<Trigger> triggers, PrintStream log) {
        this.interpreter = interpreter;
        this.triggers = triggers;
        this.log = log;
    }

    static TriggerRunner of(Interpreter interpreter, PrintStream log) {
        List<Trigger> found = new ArrayList<>();
        for (Construct c : interpreter.program().triggers()) {
            Object channel = constant(c, "channel");
            if (!(channel instanceof String name) || name.isEmpty() || Boolean.FALSE.equals(constant(c, "active"))) {
                continue;
            }
            String pattern = name.contains("|") ? name.substring(name.indexOf('|') + 1) : name;
            Object event = constant(c, "event");
            Object actions = constant(c, "actions");
            boolean join = true;
            boolean message = true;
            if (actions instanceof Map<?, ?> a) {
                join = Values.truthy(a.get("join"));
                message = Values.truthy(a.get("message"));
            }
            if (event != null) {
                join = false;
            }
            found.add(new Trigger(c, pattern, regex(pattern), event == null ? null : Values.toText(event), join,
                message));
        }
        return new TriggerRunner(interpreter, List.copyOf(found), log);
    }

    private static Object constant(Construct c, String key) {
        Expr e = c.attribute(key).orElse(null);
        if (e == null) {
            return null;
        }
        try {
            return Constants.evaluate(e);
        } catch (XsError err) {
            return null;
        }
    }

    /** {@code *} is any run of characters but {@code /}, as for realtime_channel names. */
    private static Pattern regex(String pattern) {
        StringBuilder re = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append("[^/]*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Runs the join triggers of a channel; refuses with join_denied or trigger_error. */
    void join(String channel, ChannelConfig config, Request request, ClientInfo client) {
        for (Trigger t : triggers) {
            if (t.onJoin() && t.listensOn(channel, config)) {
                Object response = run(t, xanoInput("join", channel, request, client), client, channel);
                if (Boolean.FALSE.equals(response)) {
                    throw new Refusal("join_denied", channel, t.title() + " refused the join");
                }
            }
        }
    }

    /** Runs the message triggers of a channel; false when one of them suppressed the fan-out. */
    boolean message(String channel, ChannelConfig config, Request request, ClientInfo sender) {
        for (Trigger t : triggers) {
            if (!t.onMessage() || !t.listensOn(channel, config)) {
                continue;
            }
            Object input;
            if (t.event() != null) {
                if (!t.event().equals(request.event())) {
                    continue;
                }
                input = value(request.payload());
            } else {
                input = xanoInput("message", channel, request, sender);
            }
            if (Boolean.FALSE.equals(run(t, input, sender, channel))) {
                return false;
            }
        }
        return true;
    }

    private Object run(Trigger t, Object input, ClientInfo client, String channel) {
        // A trigger may take a while: frames already fanned out in this lane turn go out first.
        WriteBatch.flush();
        Outcome outcome;
        try {
            outcome = interpreter.run(t.construct(), input, client.identity().auth(), Map.of("channel", channel));
        } catch (RuntimeException e) {
            // A fault of xs itself, not of the script: report it, refuse the request, keep the hub going.
            log.println("xs serve: internal error in " + t.title() + " (please report it): " + e);
            e.printStackTrace(log);
            throw new Refusal("trigger_error", channel, t.title() + " failed: internal error in xs (" + e + ")");
        }
        for (Object line : outcome.logs()) {
            log.println("xs serve: log (" + t.title() + "): " + (line instanceof String s ? s : Json.write(line)));
        }
        if (!outcome.ok()) {
            XsError e = outcome.error();
            // Where it failed, as file:line:col, so the log line leads straight to the script.
            Object at = e.span() != null ? e.span() : t.construct().span();
            log.println("xs serve: " + at + ": " + t.title() + " failed on " + channel + ": " + e.getMessage());
            throw new Refusal("trigger_error", channel, t.title() + " failed: " + e.getMessage());
        }
        return outcome.response();
    }

    /** The fixed input of Xano's form: {@code {action, channel, client, options, payload}}. */
    private static Map<String, Object> xanoInput(String action, String channel, Request request, ClientInfo client) {
        Map<String, Object> options = new LinkedHashMap<>();
        Object sent = value(request.options());
        if (sent instanceof Map<?, ?> m) {
            m.forEach((k, v) -> options.put(String.valueOf(k), v));
        }
        options.put("channel", channel);
        options.putIfAbsent("authenticated", false);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("action", action);
        input.put("channel", channel);
        input.put("client", client.value());
        input.put("options", options);
        input.put("payload", value(request.payload()));
        return input;
    }

    private static Object value(JsonNode node) {
        try {
            return Values.normalize(RequestReader.MAPPER.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
