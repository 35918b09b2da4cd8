package xs.http;

import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.interp.ErrorType;
import xs.workspace.ApiGroup;
import xs.workspace.Route;
import xs.workspace.Workspace;

/**
 * {@code GET /apispec:CANONICAL?type=json}: an OpenAPI 3 document for one api group, as Xano's
 * Swagger link serves it: every query with its verb, path parameters, inputs (query string for
 * GET, HEAD and DELETE, a JSON or multipart body otherwise) with their types, and bearer auth.
 * <pre>curl localhost:8080/apispec:bk7Qx2Lp?type=json | npx openapi-typescript /dev/stdin</pre>
 */
final class ApiSpec {
    static final String PREFIX = "/apispec:";

    private ApiSpec() {
    }

    static void serve(HttpServerExchange exchange, Workspace workspace) {
        String canonical = exchange.getRequestPath().substring(PREFIX.length());
        int slash = canonical.indexOf('/');
        if (slash >= 0) {
            canonical = canonical.substring(0, slash);
        }
        int colon = canonical.indexOf(':');
        if (colon >= 0) {
            canonical = canonical.substring(0, colon);
        }
        String wanted = canonical;
        ApiGroup group = workspace.groups().stream().filter(g -> g.active() && g.canonical().equals(wanted))
            .findFirst().orElse(null);
        if (group == null) {
            Responses.error(exchange, 404, ErrorType.NOTFOUND, "Unable to locate request.");
            return;
        }
        String base = exchange.getRequestScheme() + "://" + exchange.getHostAndPort() + "/api:" + group.canonical();
        Responses.json(exchange, 200, document(workspace, group, base));
    }

    static Map<String, Object> document(Workspace workspace, ApiGroup group, String baseUrl) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", group.name());
        info.put("version", "0.0.0");
        String description = group.declaration() == null ? ""
            : InputFields.text(group.declaration().attribute("description").orElse(null));
        info.put("description", description);
        doc.put("info", info);
        doc.put("servers", List.of(Map.of("url", baseUrl)));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Route r : workspace.routes()) {
            if (r.group() != group) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent("/" + r.normalizedPath(),
                k -> new LinkedHashMap<>());
            item.put(r.verb().toLowerCase(java.util.Locale.ROOT), operation(r));
        }
        doc.put("paths", paths);
        Map<String, Object> bearer = new LinkedHashMap<>();
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "object");
        error.put("properties", Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string"),
            "payload", Map.of()));
        doc.put("components", Map.of("securitySchemes", Map.of("bearerAuth", bearer),
            "schemas", Map.of("Error", error)));
        return doc;
    }

    private static Map<String, Object> operation(Route r) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", r.verb() + " /" + r.normalizedPath());
        op.put("description", InputFields.text(r.query().attribute("description").orElse(null)));
        op.put("operationId", (r.verb() + "_" + r.normalizedPath()).replaceAll("[^A-Za-z0-9_]+", "_"));
        List<Map<String, Object>> fields = r.query().input().map(InputFields::of).orElse(List.of());
        List<String> pathNames = r.parameters();
        boolean inQuery = r.verb().equals("GET") || r.verb().equals("HEAD") || r.verb().equals("DELETE");
        List<Map<String, Object>> parameters = new ArrayList<>();
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        boolean file = false;
        for (String name : pathNames) {
            Map<String, Object> declared = fields.stream().filter(f -> name.equals(f.get("name"))).findFirst()
                .orElse(Map.of("type", "text"));
            parameters.add(parameter(name, "path", true, schema(declared)));
        }
        for (Map<String, Object> f : fields) {
            String name = (String) f.get("name");
            if (pathNames.contains(name)) {
                continue;
            }
            boolean optional = Boolean.TRUE.equals(f.get("optional"));
            if (inQuery) {
                parameters.add(parameter(name, "query", !optional, schema(f)));
            } else {
                properties.put(name, schema(f));
                file |= "file".equals(f.get("type"));
                if (!optional) {
                    required.add(name);
                }
            }
        }
        if (!parameters.isEmpty()) {
            op.put("parameters", parameters);
        }
        if (!inQuery) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "object");
            body.put("properties", properties);
            if (!required.isEmpty()) {
                body.put("required", required);
            }
            op.put("requestBody", Map.of("required", !required.isEmpty(), "content",
                Map.of(file ? "multipart/form-data" : "application/json", Map.of("schema", body))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "Success", "content",
            Map.of("application/json", Map.of("schema", Map.of()))));
        Map<String, Object> error = Map.of("content",
            Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
        responses.put("400", with(error, "Input error"));
        if (r.authTable() != null) {
            responses.put("401", with(error, "Unauthorized"));
            op.put("security", List.of(Map.of("bearerAuth", List.of())));
        }
        responses.put("404", with(error, "Not found"));
        responses.put("500", with(error, "Error"));
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> with(Map<String, Object> error, String description) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("description", description);
        out.putAll(error);
        return out;
    }

    private static Map<String, Object> parameter(String name, String in, boolean required, Map<String, Object> schema) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", in);
        p.put("required", required);
        p.put("schema", schema);
        return p;
    }

    /** The JSON schema of one declared input (InputFields' form). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> schema(Map<String, Object> field) {
        Map<String, Object> s = new LinkedHashMap<>();
        String type = String.valueOf(field.get("type"));
        switch (type) {
            case "int" -> {
                s.put("type", "integer");
                s.put("format", "int64");
            }
            case "decimal" -> s.put("type", "number");
            case "bool" -> s.put("type", "boolean");
            case "timestamp" -> {
                s.put("type", "integer");
                s.put("format", "int64");
                s.put("description", "milliseconds since the epoch (a date text is accepted too)");
            }
            case "email", "password", "uuid", "date" -> {
                s.put("type", "string");
                s.put("format", type);
            }
            case "file", "image", "attachment", "video", "audio" -> {
                s.put("type", "string");
                s.put("format", "binary");
            }
            case "object" -> {
                s.put("type", "object");
                if (field.get("fields") instanceof List<?> nested) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    for (Object n : nested) {
                        Map<String, Object> f = (Map<String, Object>) n;
                        props.put((String) f.get("name"), schema(f));
                    }
                    s.put("properties", props);
                }
            }
            case "json" -> {
            }
            default -> s.put("type", "string");
        }
        if (field.get("values") instanceof List<?> values) {
            s.put("enum", values);
        }
        if (Boolean.TRUE.equals(field.get("nullable"))) {
            s.put("nullable", true);
        }
        if (field.get("default") != null) {
            s.put("default", field.get("default"));
        }
        if (Boolean.TRUE.equals(field.get("array"))) {
            Map<String, Object> array = new LinkedHashMap<>();
            array.put("type", "array");
            array.put("items", s);
            return array;
        }
        return s;
    }
}
