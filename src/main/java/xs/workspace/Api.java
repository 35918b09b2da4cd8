package xs.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import xs.ast.Construct;
import xs.db.Database;
import xs.db.hooks.DataSources;
import xs.interp.Delivery;
import xs.interp.ErrorType;
import xs.interp.Gateway;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.Uploads;
import xs.interp.Values;
import xs.interp.WebRequest;
import xs.interp.XsError;
import xs.realtime.Tokens;

/**
 * A workspace's API: answers requests to its queries (route, auth, input from path, body and
 * query string, middleware, the run) and functions, and is the {@link Gateway} its scripts use
 * for {@code security.create_auth_token} and {@code api.call}. Transport-free: the HTTP endpoint
 * and {@code api.call} both come through {@link #handle}.
 * <pre>Answer a = api.handle(new ApiRequest("Ab12Cd34", null, "GET", List.of("stage"), …));</pre>
 */
public final class Api implements Gateway {
    /** How long a token minted for a forwarded user lives: one api.call. */
    private static final long FORWARDED_TTL_SECONDS = 3600;

    private final Workspace workspace;
    private final Interpreter interpreter;
    private final Tokens tokens;
    private final MiddlewareRunner middleware;
    /** Who api.call runs as when it sends no Authorization header (xs test --user), or null. */
    private volatile Identity forwarded;

    public Api(Workspace workspace, Interpreter interpreter, Tokens tokens) {
        this.workspace = workspace;
        this.interpreter = interpreter;
        this.tokens = tokens;
        this.middleware = new MiddlewareRunner(interpreter);
        interpreter.attach(this);
    }

    public Workspace workspace() {
        return workspace;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public Tokens tokens() {
        return tokens;
    }

    /**
     * Makes {@code api.call} without an Authorization header of its own call an auth query as
     * {@code user}, with a token minted for the table the query names ({@code xs test --user ID});
     * {@link Identity#ANONYMOUS} forwards nobody, as {@code xs serve} does.
     */
    public Api forwarding(Identity user) {
        this.forwarded = user.anonymous() ? null : user;
        return this;
    }

    /** Answers one request to a query; what it streams is kept, post-process stacks run before this returns. */
    public Answer handle(ApiRequest request) {
        return handle(request, null);
    }

    /**
     * Answers one request to a query whose client end is {@code delivery}: it takes the
     * {@code api.stream} values and the {@code util.post_process} stacks (null: as {@link #handle(ApiRequest)}).
     */
    public Answer handle(ApiRequest request, Delivery delivery) {
        RouteTable.Match match = workspace.table().match(request.canonical(), request.verb(), request.segments());
        if (match == null && request.verb().equals("HEAD")) {
            match = workspace.table().match(request.canonical(), "GET", request.segments());
        }
        if (match == null) {
            return Answer.notFound();
        }
        Route route = match.route();
        String token = bearer(request.header("Authorization"));
        Identity identity = Identity.ANONYMOUS;
        if (route.authTable() != null) {
            if (token == null) {
                return Answer.error(ErrorType.UNAUTHORIZED, "This endpoint requires authentication: send "
                    + "\"Authorization: Bearer TOKEN\" with a token for the \"" + route.authTable() + "\" table");
            }
            try {
                identity = tokens.verify(token).identity();
            } catch (Tokens.Rejected e) {
                return Answer.error(ErrorType.UNAUTHORIZED, "Invalid token: " + e.getMessage());
            }
            if (!route.acceptsTable(identity.table())) {
                return Answer.error(ErrorType.UNAUTHORIZED, "Invalid token: it was issued for the \""
                    + identity.table() + "\" table, and this endpoint needs one for \"" + route.authTable() + "\"");
            }
        }
        Map<String, Object> input = new LinkedHashMap<>(request.query());
        if (request.body() != null) {
            input.putAll(request.body());
        }
        input.putAll(match.parameters());
        String source = request.header("X-Data-Source");
        if (source != null && !source.isBlank() && DataSources.problem(source.strip()) != null) {
            return Answer.error(ErrorType.BADREQUEST, "X-Data-Source: " + DataSources.problem(source.strip()));
        }
        WebRequest web = webRequest(request, token, input, delivery);
        Outcome outcome = middleware.run(route.middleware(), route.query(), input, identity.auth(), web);
        return answer(outcome, web);
    }

    /**
     * Runs a function for {@code POST /function/NAME}, inside its middleware (its own, else the branch's),
     * in the data source the request's {@code X-Data-Source} names (live when null).
     */
    public Outcome function(Construct function, Map<String, Object> input, Map<String, Object> auth,
                            String datasource) {
        return middleware.run(workspace.chain("function", function.name()), function, input, auth, null, datasource);
    }

    /** Runs a task now ({@code xs run --task}), inside its middleware, as its schedule would. */
    public Outcome task(Construct task) {
        return middleware.run(workspace.chain("task", task.name()), task, new LinkedHashMap<>(), Identity.ANONYMOUS.auth(), null);
    }

    /**
     * A call a stack makes ({@code function.run}, {@code task.call}, {@code tool.call}) inside the
     * middleware the callee sets, else the branch's for its kind, each part in the caller's run.
     */
    @Override
    public boolean hasMiddleware(String kind, String name) {
        return !workspace.chain(kind, name).isEmpty();
    }

    @Override
    public Outcome throughMiddleware(String kind, String name, Object input, Steps steps) {
        Workspace.Chain chain = workspace.chain(kind, name);
        return chain.isEmpty() ? steps.call(input) : MiddlewareRunner.run(chain, input, steps);
    }

    private static Answer answer(Outcome outcome, WebRequest web) {
        if (!outcome.ok()) {
            XsError e = outcome.error();
            return new Answer(e.type().status(), e.body(), web.responseHeaders());
        }
        return new Answer(200, outcome.response(), web.responseHeaders());
    }

    private WebRequest webRequest(ApiRequest r, String token, Map<String, Object> input, Delivery delivery) {
        String source = r.header("X-Data-Source");
        String branch = r.branch() != null ? r.branch() : r.header("X-Branch");
        return new WebRequest(r.verb(), r.uri(), r.querystring(), r.headers(), r.remoteIp(), token, r.baseUrl(),
            source == null || source.isBlank() ? Database.LIVE : source.strip(), branch == null || branch.isBlank()
                ? workspace.branch() : branch, input, input, r.rawBody(), null, r.uploads(), delivery);
    }

    /** The token of {@code Authorization: Bearer TOKEN}, or null when there is none. */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            a = a.substring(7).trim();
        }
        return a.isEmpty() ? null : a;
    }

    @Override
    public String mintToken(String table, Object id, Map<String, Object> extras, long ttlSeconds) {
        return tokens.mint(Values.toText(id), extras, ttlSeconds, table);
    }

    @Override
    public Object apiCall(String group, String path, String verb, Object input, Object headers) {
        Route route = find(group, path, verb);
        if (route == null) {
            throw new XsError(ErrorType.NOTFOUND, "api.call: no query \"" + path + "\" verb=" + verb
                + (group == null ? "" : " in api group \"" + group + "\""), null, null, null);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        if (input instanceof Map<?, ?> m) {
            m.forEach((k, v) -> given.put(String.valueOf(k), v));
        }
        // The declared path with its parameters filled from the input, as a client would write the URL.
        List<String> segments = route.segments().stream()
            .map(s -> s.parameter() ? Values.toText(given.get(s.text())) : s.text()).toList();
        Map<String, Object> headerMap = headers(headers);
        Identity user = forwarded;
        if (user != null && route.authTable() != null && !headerMap.containsKey("Authorization")) {
            headerMap.put("Authorization", "Bearer " + tokens.mint(user.userId(), user.extras(), FORWARDED_TTL_SECONDS,
                route.authTable()));
        }
        ApiRequest request = new ApiRequest(route.group().canonical(), null, verb, segments, Map.of(), given,
            null, headerMap, "127.0.0.1", route.url(), "", "http://localhost", Uploads.NONE);
        Answer answer = handle(request);
        if (answer.ok()) {
            return answer.body();
        }
        Object body = answer.body();
        String message = body instanceof Map<?, ?> b ? Values.toText(b.get("message")) : Values.toText(body);
        Object payload = body instanceof Map<?, ?> b ? b.get("payload") : null;
        throw new XsError(typeOf(answer.status()), message, "".equals(payload) ? null : payload, null, null);
    }

    /** The route api.call names: by declared path and verb within the group, else as a concrete URL. */
    private Route find(String group, String path, String verb) {
        String wanted = String.join("/", Route.parse(path).stream().map(Route.Segment::toString).toList());
        for (Route r : workspace.routes()) {
            boolean inGroup = group == null || r.group().name().equals(group) || r.group().canonical().equals(group);
            if (inGroup && r.verb().equals(verb) && r.normalizedPath().equals(wanted)) {
                return r;
            }
        }
        List<String> segments = Route.parse(path).stream().map(Route.Segment::text).toList();
        for (ApiGroup g : workspace.groups()) {
            if (group == null || g.name().equals(group) || g.canonical().equals(group)) {
                RouteTable.Match m = workspace.table().match(g.canonical(), verb, segments);
                if (m != null) {
                    return m.route();
                }
            }
        }
        return null;
    }

    /** {@code headers = ["Authorization: Bearer …"]} or an object of names to values. */
    private static Map<String, Object> headers(Object headers) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (headers instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(WebRequest.titleCase(String.valueOf(k)), Values.toText(v)));
        } else if (headers instanceof List<?> list) {
            for (Object line : list) {
                String text = Values.toText(line);
                int colon = text.indexOf(':');
                if (colon > 0) {
                    out.put(WebRequest.titleCase(text.substring(0, colon).trim()), text.substring(colon + 1).trim());
                }
            }
        }
        return out;
    }

    private static ErrorType typeOf(int status) {
        for (ErrorType t : ErrorType.values()) {
            if (t.status() == status && t != ErrorType.BADREQUEST) {
                return t;
            }
        }
        return ErrorType.STANDARD;
    }
}
