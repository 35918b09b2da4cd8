package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.server.handlers.form.MultiPartParserDefinition;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import xs.interp.ErrorType;
import xs.interp.Json;
import xs.interp.WebRequest;
import xs.interp.filters.Binary;
import xs.workspace.Answer;
import xs.workspace.Api;
import xs.workspace.ApiRequest;

/**
 * {@code /api:CANONICAL[:BRANCH]/PATH}: a workspace's queries at their Xano URLs. Takes the
 * request apart (path segments, query string, a JSON, form or multipart body, headers), lets
 * the {@link Api} answer it, and writes the answer: JSON, or the text or bytes a script chose
 * with {@code util.set_header "Content-Type: …"}; HEAD gets the headers only. A stack that reaches
 * {@code api.stream} answers with server-sent events instead ({@link ServerSentEvents}), and
 * {@code util.post_process} stacks run once the answer is out.
 * <pre>curl 'localhost:8080/api:Ab12Cd34/stage/7' -H 'Authorization: Bearer TOKEN'</pre>
 */
public final class QueryEndpoint extends WorkerHandler {
    public static final String PREFIX = "/api:";
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private final Supplier<Api> live;
    private final long maxBodyBytes;
    private final long stallMillis;
    private final String scheme;
    private final Executor workers;
    private final PrintStream log;

    /**
     * @param live the program now (a reload swaps it); each request runs on the one current when it starts
     * @param log  where failures of util.post_process stacks are reported
     */
    public QueryEndpoint(Supplier<Api> live, Executor workers, long maxBodyBytes, long stallMillis, boolean secure,
                         PrintStream log) {
        super(workers, maxBodyBytes, stallMillis);
        this.live = live;
        this.maxBodyBytes = maxBodyBytes;
        this.stallMillis = stallMillis;
        this.scheme = secure ? "https" : "http";
        this.workers = workers;
        this.log = log;
    }

    /**
     * Uploads are parsed as they stream in, on the worker: the whole body is not read first. A GET
     * or HEAD never parses its body, so it is read (and checked) first whatever its type.
     */
    @Override
    boolean readsBodyFirst(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String verb = exchange.getRequestMethod().toString().toUpperCase(Locale.ROOT);
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
            || verb.equals("GET") || verb.equals("HEAD");
    }

    @Override
    void serve(HttpServerExchange exchange) {
        ServerSentEvents events = new ServerSentEvents(exchange);
        // Post-process stacks run once both the stack has ended and the answer is out.
        exchange.addExchangeCompleteListener((ex, next) -> {
            try {
                next.proceed();
            } finally {
                events.arrived(workers, log);
            }
        });
        try {
            answer(exchange, events);
        } finally {
            events.arrived(workers, log);
        }
    }

    private void answer(HttpServerExchange exchange, ServerSentEvents events) {
        String verb = exchange.getRequestMethod().toString().toUpperCase(Locale.ROOT);
        boolean head = verb.equals("HEAD");
        Answer answer;
        List<Path> uploads = new ArrayList<>();
        try {
            answer = VERBS.contains(verb) ? live.get().handle(read(exchange, verb, uploads), events) : Answer.notFound();
        } catch (BadRequest e) {
            answer = Answer.error(e.type, e.getMessage());
            AccessLog.note(exchange, e.getMessage());
            write(exchange, e.status, answer, head);
            return;
        } finally {
            // The request's files live as long as its run: gone before the answer leaves.
            delete(uploads);
        }
        boolean streamed = events.started();
        if (streamed) {
            events.finish(answer.ok(), answer.body());
            if (events.gone()) {
                // A broken connection may never complete the exchange.
                events.runPostProcess(workers, log);
                return;
            }
        }
        if (!answer.ok() && answer.body() instanceof Map<?, ?> b && b.get("message") != null) {
            AccessLog.note(exchange, String.valueOf(b.get("message")));
        }
        if (!streamed) {
            write(exchange, answer.status(), answer, head);
        }
    }

    /** The bytes of one of this request's uploads, by the path its input shows; null for any other path. */
    private static byte[] uploaded(List<Path> uploads, String path) throws IOException {
        for (Path p : uploads) {
            if (p.toString().equals(path)) {
                return Files.readAllBytes(p);
            }
        }
        return null;
    }

    private void delete(List<Path> uploads) {
        for (Path p : uploads) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                log.println("xs serve: could not delete the upload " + p + ": " + e.getMessage());
            }
        }
    }

    /** A request that cannot reach a query; the status and type to answer with. */
    private static final class BadRequest extends Exception {
        final int status;
        final ErrorType type;

        BadRequest(int status, ErrorType type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }
    }

    /** The request as the {@link Api} takes it; files uploaded with it are added to {@code uploads}. */
    private ApiRequest read(HttpServerExchange exchange, String verb, List<Path> uploads) throws BadRequest {
        // The raw URI, so an encoded slash stays inside its segment (it is a value, not a separator).
        String uri = exchange.getRequestURI();
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd >= 0) {
            int slash = uri.indexOf('/', schemeEnd + 3);
            uri = slash < 0 ? "/" : uri.substring(slash);
        }
        String[] parts = uri.substring(1).split("/", -1);
        String[] group = parts[0].substring(PREFIX.length() - 1).split(":", -1);
        List<String> segments = new ArrayList<>();
        String canonical;
        String branch;
        try {
            canonical = QueryString.segment(group[0]);
            branch = group.length > 1 && !group[1].isEmpty() ? QueryString.segment(group[1]) : null;
            for (int i = 1; i < parts.length; i++) {
                if (!parts[i].isEmpty()) {
                    segments.add(QueryString.segment(parts[i]));
                }
            }
        } catch (QueryString.Malformed e) {
            throw new BadRequest(400, ErrorType.BADREQUEST, e.getMessage());
        }
        String querystring = exchange.getQueryString() == null ? "" : exchange.getQueryString();
        Map<String, Object> query;
        try {
            query = QueryString.parse(querystring);
        } catch (QueryString.Malformed e) {
            throw new BadRequest(400, ErrorType.BADREQUEST, e.getMessage());
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        for (HeaderValues h : exchange.getRequestHeaders()) {
            headers.put(WebRequest.titleCase(h.getHeaderName().toString()), String.join(", ", h));
        }
        Body body = verb.equals("GET") || verb.equals("HEAD") ? Body.NONE : body(exchange, uploads);
        String host = exchange.getHostAndPort();
        String remote = exchange.getSourceAddress() == null ? "" : exchange.getSourceAddress().getAddress()
            .getHostAddress();
        return new ApiRequest(canonical, branch, verb, segments, query, body.fields, body.text, headers, remote,
            querystring.isEmpty() ? uri : uri + "?" + querystring, querystring, scheme + "://" + host + PREFIX + group[0],
            path -> uploaded(uploads, path));
    }

    /** A decoded body: its fields (null when there is none) and its text. */
    private record Body(Map<String, Object> fields, String text) {
        static final Body NONE = new Body(null, null);
    }

    private Body body(HttpServerExchange exchange, List<Path> uploads) throws BadRequest {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mime.equals("multipart/form-data")) {
            return multipart(exchange, uploads);
        }
        String text = text(exchange);
        if (text.isBlank()) {
            return new Body(null, text);
        }
        // curl -d sends JSON labelled as a form: a form body that is a JSON object is read as one.
        boolean jsonText = text.trim().startsWith("{");
        if (mime.equals("application/x-www-form-urlencoded") && !jsonText) {
            try {
                return new Body(QueryString.parse(text.trim()), text);
            } catch (QueryString.Malformed e) {
                throw new BadRequest(400, ErrorType.BADREQUEST, "the form body: " + e.getMessage());
            }
        }
        boolean json = mime.isEmpty() || mime.equals("application/json") || mime.endsWith("+json")
            || mime.equals("application/x-www-form-urlencoded");
        // Clients that avoid CORS preflights send JSON as text/plain: take it when it is JSON.
        if (!json && !(mime.startsWith("text/") && jsonText)) {
            throw new BadRequest(415, ErrorType.BADREQUEST, "Content-Type " + mime + " is not supported: send "
                + "application/json, application/x-www-form-urlencoded or multipart/form-data");
        }
        Object parsed;
        try {
            parsed = Json.read(text);
        } catch (Json.Malformed e) {
            throw new BadRequest(400, ErrorType.BADREQUEST, "the request body is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> m)) {
            throw new BadRequest(400, ErrorType.BADREQUEST, "the request body must be a JSON object of inputs");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) m;
        return new Body(fields, text);
    }

    private String text(HttpServerExchange exchange) throws BadRequest {
        // Read on the I/O thread before dispatch (WorkerHandler), except when nothing was announced.
        byte[] bytes = exchange.getAttachment(RequestBody.BYTES);
        if (bytes == null) {
            exchange.startBlocking();
            try (InputStream in = exchange.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            } catch (IOException e) {
                throw new BadRequest(400, ErrorType.BADREQUEST, "the request body could not be read: "
                    + e.getMessage());
            }
        }
        if (bytes.length > maxBodyBytes) {
            throw new BadRequest(413, ErrorType.BADREQUEST, "the request body is larger than " + maxBodyBytes
                + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Form fields as text, files as {@code {name, size, mime, path}} (the upload, kept for the request). */
    private Body multipart(HttpServerExchange exchange, List<Path> uploads) throws BadRequest {
        ReadStall.install(exchange, stallMillis);
        exchange.startBlocking();
        exchange.setMaxEntitySize(maxBodyBytes);
        MultiPartParserDefinition multipart = new MultiPartParserDefinition();
        multipart.setMaxIndividualFileSize(maxBodyBytes);
        multipart.setDefaultEncoding("UTF-8");
        Map<String, Object> fields = new LinkedHashMap<>();
        try (FormDataParser parser = FormParserFactory.builder(false).addParser(multipart).build()
            .createParser(exchange)) {
            if (parser == null) {
                throw new BadRequest(400, ErrorType.BADREQUEST, "the multipart body has no boundary");
            }
            FormData form = parser.parseBlocking();
            // Read inside: closing the parser deletes Undertow's temporary files.
            for (String name : form) {
                for (FormData.FormValue v : form.get(name)) {
                    Object value = v.isFileItem() ? upload(v, uploads) : v.getValue();
                    fields.merge(name, value, (a, b) -> {
                        List<Object> list = a instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(a));
                        list.add(b);
                        return list;
                    });
                }
            }
        } catch (ChunkedDecoder.Malformed e) {
            throw new BadRequest(e.status, ErrorType.BADREQUEST, e.getMessage());
        } catch (ReadStall.Stalled e) {
            // The rest of the body is not waited for.
            exchange.setPersistent(false);
            throw new BadRequest(408, ErrorType.BADREQUEST, e.getMessage());
        } catch (IOException | RuntimeException e) {
            int status = String.valueOf(e.getMessage()).contains("size") ? 413 : 400;
            throw new BadRequest(status, ErrorType.BADREQUEST, "the multipart body could not be read: "
                + e.getMessage());
        }
        return new Body(fields, null);
    }

    /**
     * An uploaded file as scripts see it, copied to a file of its own that outlives the parser
     * (and is deleted when the request has been answered).
     */
    private static Map<String, Object> upload(FormData.FormValue v, List<Path> uploads) throws IOException {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", v.getFileName());
        String contentType = v.getHeaders() == null ? null : v.getHeaders().getFirst(Headers.CONTENT_TYPE);
        file.put("mime", contentType == null ? "application/octet-stream" : contentType);
        Path copy = Files.createTempFile("xs-upload-", "");
        uploads.add(copy);
        try (InputStream in = v.getFileItem().getInputStream()) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        file.put("size", Files.size(copy));
        file.put("path", copy.toString());
        file.put("type", contentType != null && contentType.startsWith("image/") ? "image" : "attachment");
        return file;
    }

    private static void write(HttpServerExchange exchange, int status, Answer answer, boolean head) {
        exchange.setStatusCode(status);
        for (WebRequest.Header h : answer.headers()) {
            exchange.getResponseHeaders().add(new HttpString(h.name()), h.value());
        }
        String type = answer.contentType();
        byte[] bytes;
        if (type == null || type.toLowerCase(Locale.ROOT).contains("json")) {
            if (type == null) {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
            }
            bytes = Json.write(answer.body()).getBytes(StandardCharsets.UTF_8);
        } else {
            String text = answer.body() instanceof String s ? s : answer.body() == null ? "" : Json.write(answer.body());
            // Text types go out as UTF-8; any other type carries the bytes the text holds (a PDF, an image).
            bytes = textual(type) ? text.getBytes(StandardCharsets.UTF_8) : Binary.bytes(text);
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        if (head) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(bytes));
    }

    private static boolean textual(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.contains("xml") || t.contains("javascript") || t.contains("charset=");
    }
}
