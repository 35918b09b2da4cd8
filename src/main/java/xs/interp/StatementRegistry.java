package xs.interp;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every statement xs runs, by name, with the attributes it takes; and the names of real Xano
 * statements it does not run (api.request, redis.*, …), so a script using one gets "not
 * supported by xs" rather than "unknown statement".
 */
public final class StatementRegistry {
    private static final StatementRegistry STANDARD = build();

    /** Statement families of the real engine that xs does not run; any name under them is real. */
    private static final Set<String> REAL_FAMILIES = Set.of("redis", "storage", "zip", "stream", "cloud", "ai",
        "realtime", "workflow_test", "tool", "agent", "mcp", "task", "trigger", "addon", "middleware", "action");

    private static final Set<String> REAL_UNSUPPORTED = Set.of(
        "api.request", "api.stream", "api.call", "api.snippet",
        "db.direct_query", "db.schema", "db.set_datasource", "db.external", "db.bulk.import",
        "function.call", "await", "foreach.remove", "remove",
        "util.send_email", "util.template_engine", "util.ip_lookup", "util.geo_distance", "util.set_header",
        "util.post_process", "util.get_raw_input", "util.set_var",
        "security.create_auth_token", "security.random_number", "security.random_bytes",
        "security.encrypt", "security.decrypt", "security.jws_encode",
        "security.jws_decode", "security.jwe_encode", "security.jwe_decode", "security.create_secret_key",
        "security.create_rsa_key", "security.create_curve_key");

    private final Map<String, StatementSpec> specs = new TreeMap<>();

    public static StatementRegistry standard() {
        return STANDARD;
    }

    private static StatementRegistry build() {
        StatementRegistry r = new StatementRegistry();
        CoreStatements.register(r);
        DbStatements.register(r);
        ArrayStatements.register(r);
        ValueStatements.register(r);
        ExpectStatements.register(r);
        PasswordStatements.register(r);
        LambdaStatements.register(r);
        RequestStatements.register(r);
        return r;
    }

    void add(String name, Set<String> attributes, Set<String> required, StatementCompiler compiler) {
        if (specs.putIfAbsent(name, new StatementSpec(name, attributes, required, compiler)) != null) {
            throw new IllegalStateException("statement registered twice: " + name);
        }
    }

    public StatementSpec get(String name) {
        return specs.get(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(specs.keySet());
    }

    /** A statement of the real Xano engine that xs does not run. */
    public static boolean isRealXanoStatement(String name) {
        if (REAL_UNSUPPORTED.contains(name) || name.startsWith("db.external.")) {
            return true;
        }
        int dot = name.indexOf('.');
        return dot > 0 && REAL_FAMILIES.contains(name.substring(0, dot));
    }
}
