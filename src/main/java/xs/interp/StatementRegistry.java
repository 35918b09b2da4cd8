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

    /** The statements of Xano's engine (its {@code statement/*} kinds) and older names real exports use. */
    private static final Set<String> REAL_UNSUPPORTED = Set.of(
        "api.request", "api.call", "api.snippet", "api.microservice",
        "db.schema", "db.external", "db.bulk.import",
        "db.external.mssql.direct_query", "db.external.mysql.direct_query", "db.external.oracle.direct_query",
        "db.external.postgres.direct_query", "db.external.snowflake.direct_query",
        "function.call", "service.function.run", "await", "foreach.remove", "remove", "comment", "placeholder",
        "util.send_email", "util.template_engine", "util.ip_lookup", "util.geo_distance", "util.set_header",
        "util.get_raw_input", "util.get_input", "util.set_var",
        "security.create_auth_token", "security.random_number", "security.random_bytes",
        "security.encrypt", "security.decrypt", "security.jws_encode",
        "security.jws_decode", "security.jwe_encode", "security.jwe_decode", "security.create_secret_key",
        "security.create_rsa_key", "security.create_curve_key", "security.jwe_encode_legacy",
        "security.jwe_decode_legacy",
        "redis.count", "redis.decr", "redis.del", "redis.get", "redis.has", "redis.incr", "redis.keys", "redis.pop",
        "redis.push", "redis.range", "redis.ratelimit", "redis.remove", "redis.set", "redis.shift", "redis.unshift",
        "storage.create_attachment", "storage.create_audio", "storage.create_file_resource", "storage.create_image",
        "storage.create_video", "storage.delete_file", "storage.read_file_resource", "storage.sign_private_url",
        "stream.from_csv", "stream.from_jsonl", "stream.from_request",
        "zip.add_to_archive", "zip.create_archive", "zip.delete_from_archive", "zip.extract", "zip.view_contents",
        "realtime.get_session", "realtime.publish",
        "action.call", "action.package.call", "addon.call", "middleware.call", "task.call", "tool.call",
        "trigger.call", "workflow_test.call",
        "ai.agent.run", "ai.external.mcp.server_details", "ai.external.mcp.tool.list", "ai.external.mcp.tool.run",
        "cloud.algolia.request", "cloud.aws.opensearch.document", "cloud.aws.opensearch.query",
        "cloud.aws.opensearch.request", "cloud.aws.s3.delete_file", "cloud.aws.s3.get_file_info",
        "cloud.aws.s3.list_directory", "cloud.aws.s3.read_file", "cloud.aws.s3.sign_url", "cloud.aws.s3.upload_file",
        "cloud.azure.storage.delete_file", "cloud.azure.storage.get_file_info", "cloud.azure.storage.list_directory",
        "cloud.azure.storage.read_file", "cloud.azure.storage.sign_url", "cloud.azure.storage.upload_file",
        "cloud.elasticsearch.document", "cloud.elasticsearch.query", "cloud.elasticsearch.request",
        "cloud.google.storage.delete_file", "cloud.google.storage.get_file_info",
        "cloud.google.storage.list_directory", "cloud.google.storage.read_file", "cloud.google.storage.sign_url",
        "cloud.google.storage.upload_file", "cloud.job", "cloud.job.await", "cloud.job.status",
        "datadog.log", "datadog.log_bulk", "datadog.metric", "datadog.metric_bulk", "webflow.request");

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
        CallStatements.register(r);
        RequestStatements.register(r);
        SecurityStatements.register(r);
        RedisStatements.register(r);
        SchemaStatements.register(r);
        StorageStatements.register(r);
        TemplateStatements.register(r);
        MailStatements.register(r);
        UtilStatements.register(r);
        ZipStatements.register(r);
        IncomingRequestStatements.register(r);
        ResponseStatements.register(r);
        SqlStatements.register(r);
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

    /** What a real statement xs does not run needs, for its XS0205 warning and its runtime error. */
    public static String whatItNeeds(String name) {
        int dot = name.indexOf('.');
        String family = dot > 0 ? name.substring(0, dot) : name;
        if (name.startsWith("db.external.")) {
            return "it queries an external database through Xano's connectors";
        }
        return switch (name) {
            case "action.call" -> "it runs a Xano Marketplace action, which only Xano's cloud has";
            case "api.snippet" -> "it runs a Xano snippet, which only Xano's cloud has";
            default -> switch (family) {
                case "cloud" -> "it calls a cloud provider (AWS, Google, Azure, Algolia, Elasticsearch…) through"
                    + " Xano's integrations";
                case "ai" -> "it needs an LLM provider through Xano's AI integrations";
                default -> "it runs only in Xano's cloud";
            };
        };
    }

    /** The names of {@link #isRealXanoStatement} that are known exactly (not only by their family). */
    public static Set<String> realXanoStatements() {
        return REAL_UNSUPPORTED;
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
