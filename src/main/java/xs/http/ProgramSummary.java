package xs.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.Program;
import xs.interp.ChannelConfig;
import xs.interp.ChannelDirectory;
import xs.interp.Values;
import xs.workspace.ApiGroup;
import xs.workspace.Route;
import xs.workspace.Workspace;

/**
 * What the console lists about the loaded scripts, as plain JSON values: the api groups with
 * their queries (URL, verb, auth table, inputs), the functions with
 * their inputs, the realtime channels with their effective settings (defaults of protocol §4
 * filled in) and the realtime triggers with what they listen to.
 * <pre>{"functions": [{"name": "sum", "description": "", "inputs": [...]}],
 *  "realtime_channels": [{"pattern": "room:*", "active": true, "public_messaging": {...}, "settings": {...}}],
 *  "realtime_triggers": [{"name": "document_edit", "channel": "document:*", "event": "operation", ...}],
 *  "tables": ["user", "message"]}</pre>
 */
final class ProgramSummary {
    private ProgramSummary() {
    }

    static Map<String, Object> of(Program program) {
        return of(program, Workspace.of(program));
    }

    static Map<String, Object> of(Program program, Workspace workspace) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("api_groups", apiGroups(workspace));
        out.put("functions", functions(program));
        out.put("realtime_channels", channels(ChannelDirectory.of(program)));
        out.put("realtime_triggers", triggers(program));
        out.put("tables", program.tables().stream().map(Construct::name).toList());
        return out;
    }

    /** Served groups with their queries: verb, path, URL, auth table, path parameters and inputs. */
    private static List<Map<String, Object>> apiGroups(Workspace workspace) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ApiGroup g : workspace.groups()) {
            if (!g.active()) {
                continue;
            }
            List<Map<String, Object>> queries = new ArrayList<>();
            for (Route r : workspace.routes()) {
                if (r.group() != g) {
                    continue;
                }
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("verb", r.verb());
                q.put("path", r.normalizedPath());
                q.put("url", r.url());
                q.put("auth", r.authTable());
                q.put("description", InputFields.text(r.query().attribute("description").orElse(null)));
                q.put("parameters", r.parameters());
                q.put("inputs", r.query().input().map(InputFields::of).orElse(List.of()));
                queries.add(q);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name());
            m.put("canonical", g.canonical());
            m.put("base_url", "/api:" + g.canonical());
            m.put("description", g.declaration() == null ? ""
                : InputFields.text(g.declaration().attribute("description").orElse(null)));
            m.put("queries", queries);
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> functions(Program program) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Construct f : program.functions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("description", InputFields.text(f.attribute("description").orElse(null)));
            m.put("inputs", f.input().map(InputFields::of).orElse(List.of()));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> channels(ChannelDirectory directory) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChannelConfig c : directory.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pattern", c.pattern());
            m.put("description", c.description());
            m.put("active", c.active());
            m.put("public_messaging", messaging(c.publicMessaging(), c.publicAuth()));
            m.put("private_messaging", messaging(c.privateMessaging(), c.privateAuth()));
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("anonymous_clients", c.anonymousClients());
            settings.put("nested_channels", c.nestedChannels());
            settings.put("message_history", (long) c.messageHistory());
            settings.put("auth_channel", c.authChannel());
            settings.put("presence", c.presence());
            m.put("settings", settings);
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> messaging(boolean active, boolean auth) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("active", active);
        m.put("auth", auth);
        return m;
    }

    /**
     * Both trigger forms (protocol §6): the seed's {@code event = "operation"} fires on messages
     * with that {@code options.event}; Xano's {@code actions} picks join and/or message (both when
     * absent); a {@code "<id>|name"} channel listens on the part after {@code |}.
     */
    private static List<Map<String, Object>> triggers(Program program) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Construct t : program.triggers()) {
            Object channel = constant(t, "channel");
            String pattern = channel instanceof String s ? s.substring(s.indexOf('|') + 1) : null;
            Object event = constant(t, "event");
            boolean join = true;
            boolean message = true;
            if (constant(t, "actions") instanceof Map<?, ?> a) {
                join = Values.truthy(a.get("join"));
                message = Values.truthy(a.get("message"));
            }
            if (event != null) {
                join = false;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("channel", pattern);
            m.put("event", event == null ? null : Values.toText(event));
            Map<String, Object> actions = new LinkedHashMap<>();
            actions.put("join", join);
            actions.put("message", message);
            m.put("actions", actions);
            m.put("active", !Boolean.FALSE.equals(constant(t, "active")));
            m.put("description", InputFields.text(t.attribute("description").orElse(null)));
            out.add(m);
        }
        return out;
    }

    private static Object constant(Construct c, String key) {
        Expr e = c.attribute(key).orElse(null);
        return e == null ? null : InputFields.constant(e);
    }
}
