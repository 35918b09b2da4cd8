package xs.interp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import xs.ast.GenericStmt;
import xs.interp.filters.RawBytes;
import xs.source.Span;

/**
 * {@code storage.*}: files saved in the run's {@link FileStore}, described as Xano describes them
 * ({@code {access, path, name, type, size, mime, meta, url}}), file resources as
 * {@code {name, size, mime, data}} with the bytes as text. A file value may be a file resource,
 * a stored file's metadata, a {@code data:} URI, base64 text or an http(s) URL (downloaded).
 * <pre>storage.create_image { value = $input.logo access = "public" filename = "" } as $logo</pre>
 */
final class StorageStatements {
    private StorageStatements() {
    }

    /** What a file value holds. */
    record Content(String name, String mime, byte[] data) {
    }

    static void register(StatementRegistry r) {
        for (String kind : List.of("image", "attachment", "video", "audio")) {
            r.add("storage.create_" + kind, Set.of("value", "access", "filename"), Set.of("value"),
                (s, c) -> create(s, c, kind));
        }
        r.add("storage.create_file_resource", Set.of("filename", "filedata"), Set.of("filename"),
            StorageStatements::fileResource);
        r.add("storage.read_file_resource", Set.of("value"), Set.of("value"), StorageStatements::readResource);
        r.add("storage.sign_private_url", Set.of("pathname", "ttl"), Set.of("pathname"), StorageStatements::sign);
        r.add("storage.delete_file", Set.of("pathname"), Set.of("pathname"), StorageStatements::delete);
    }

    private static Exec create(GenericStmt s, Compilation c, String kind) {
        Eval value = c.required(s, "value");
        Eval access = c.attr(s, "access", "public");
        Eval filename = c.attr(s, "filename", null);
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Content content = content(value.eval(f), f, s.name(), span);
            Object given = filename.eval(f);
            String name = given == null || "".equals(given) ? content.name() : Values.toText(given);
            String mime = content.mime() != null ? content.mime() : mime(name, content.data());
            Map<String, Object> meta = new LinkedHashMap<>();
            if (kind.equals("image")) {
                int[] size = FileKinds.imageSize(content.data());
                if (size == null) {
                    throw XsError.runtime(span, s.name() + ": the file is not an image xs can read (PNG, JPEG, GIF, BMP)");
                }
                meta.put("width", (long) size[0]);
                meta.put("height", (long) size[1]);
            }
            FileStore store = f.context.services.outside().files();
            String a = Values.toText(access.eval(f));
            try {
                String path = store.save(a, name, content.data());
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("access", a);
                out.put("path", path);
                out.put("name", name);
                out.put("type", kind);
                out.put("size", (long) content.data().length);
                out.put("mime", mime);
                out.put("meta", meta);
                if (a.equals("public")) {
                    out.put("url", store.publicUrl(path));
                }
                return out;
            } catch (FileStore.Failure e) {
                throw XsError.runtime(span, s.name() + ": " + e.getMessage());
            }
        });
    }

    private static Exec fileResource(GenericStmt s, Compilation c) {
        Eval filename = c.required(s, "filename");
        Eval filedata = c.attr(s, "filedata", "");
        return CoreStatements.produce(s, c, f -> {
            String name = Values.toText(filename.eval(f));
            Object data = filedata.eval(f);
            String text = data instanceof String t ? t : Json.write(data);
            return resource(name, mime(name, RawBytes.of(text)), RawBytes.of(text));
        });
    }

    private static Exec readResource(GenericStmt s, Compilation c) {
        Eval value = c.required(s, "value");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Content content = content(value.eval(f), f, s.name(), span);
            return resource(content.name(), content.mime() != null ? content.mime() : mime(content.name(), content.data()),
                content.data());
        });
    }

    private static Map<String, Object> resource(String name, String mime, byte[] data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("size", (long) data.length);
        out.put("mime", mime);
        out.put("data", RawBytes.text(data));
        return out;
    }

    private static Exec sign(GenericStmt s, Compilation c) {
        Eval pathname = c.required(s, "pathname");
        Eval ttl = c.attr(s, "ttl", 60L);
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            Object seconds = Values.number(ttl.eval(f));
            if (!(seconds instanceof Long t) || t <= 0) {
                throw XsError.runtime(span, s.name() + ": ttl must be a positive whole number of seconds");
            }
            try {
                return f.context.services.outside().files().signedUrl(Values.toText(pathname.eval(f)), t);
            } catch (FileStore.Failure e) {
                throw XsError.runtime(span, s.name() + ": " + e.getMessage());
            }
        });
    }

    private static Exec delete(GenericStmt s, Compilation c) {
        Eval pathname = c.required(s, "pathname");
        Span span = s.span();
        return f -> {
            try {
                f.context.services.outside().files().delete(Values.toText(pathname.eval(f)));
            } catch (FileStore.Failure e) {
                throw XsError.runtime(span, s.name() + ": " + e.getMessage());
            }
            return Exec.NORMAL;
        };
    }

    /** The bytes of a file the request uploaded ({@code value = $input.doc}), or null when path is not one. */
    private static byte[] uploaded(String path, Frame f, String statement, Span span) {
        if (f.context.request == null) {
            return null;
        }
        try {
            return f.context.request.uploads().read(path);
        } catch (java.io.IOException e) {
            throw XsError.runtime(span, statement + ": the uploaded file cannot be read: " + e.getMessage());
        }
    }

    static Content content(Object value, Frame f, String statement, Span span) {
        if (value instanceof Map<?, ?> m) {
            String name = m.get("name") == null ? "file" : Values.toText(m.get("name"));
            String mime = m.get("mime") instanceof String t && !t.isEmpty() ? t : null;
            if (m.get("data") instanceof String data) {
                return new Content(name, mime, RawBytes.of(data));
            }
            if (m.get("path") instanceof String path) {
                byte[] uploaded = uploaded(path, f, statement, span);
                if (uploaded != null) {
                    return new Content(name, mime, uploaded);
                }
                try {
                    return new Content(name, mime, f.context.services.outside().files().read(path));
                } catch (FileStore.Failure e) {
                    throw XsError.runtime(span, statement + ": " + e.getMessage());
                }
            }
        }
        if (value instanceof String text && !text.isEmpty()) {
            if (text.startsWith("data:")) {
                return dataUri(text, statement, span);
            }
            if (text.startsWith("http://") || text.startsWith("https://")) {
                return download(text, f, statement, span);
            }
            try {
                return new Content("file", null, Base64.getMimeDecoder().decode(text));
            } catch (IllegalArgumentException notBase64) {
                // reported below
            }
        }
        throw XsError.runtime(span, statement + ": value must be a file (a file resource, a stored file, a data: URI,"
            + " base64 text or an http(s) URL), got " + Operators.describe(value));
    }

    private static Content dataUri(String uri, String statement, Span span) {
        int comma = uri.indexOf(',');
        if (comma < 0) {
            throw XsError.runtime(span, statement + ": the data: URI has no comma before its data");
        }
        String head = uri.substring(5, comma);
        String body = uri.substring(comma + 1);
        String mime = head.split(";")[0];
        byte[] data;
        try {
            data = head.endsWith(";base64") ? Base64.getMimeDecoder().decode(body)
                : java.net.URLDecoder.decode(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw XsError.runtime(span, statement + ": the data: URI's base64 is not valid");
        }
        return new Content("file", mime.isEmpty() ? null : mime, data);
    }

    private static Content download(String url, Frame f, String statement, Span span) {
        long millis = RequestStatements.DEFAULT_TIMEOUT_SECONDS * 1000;
        long left = f.context.deadline.remainingMillis();
        if (left >= 0) {
            millis = Math.min(millis, Math.max(1, left));
        }
        HttpRequests.Call call = new HttpRequests.Call("GET", url, new ArrayList<>(), null, millis, true, true, true);
        try {
            HttpRequests.Reply reply = f.context.services.outside().http().send(call);
            if (reply.status() < 200 || reply.status() > 299) {
                throw XsError.runtime(span, statement + ": downloading " + RequestStatements.Forms.safeUrl(url)
                    + " answered " + reply.status());
            }
            String path = RequestStatements.Forms.safeUrl(url);
            String name = path.substring(path.lastIndexOf('/') + 1);
            return new Content(name.isEmpty() ? "file" : name, null, reply.body());
        } catch (HttpRequests.Failure e) {
            throw XsError.runtime(span, statement + ": downloading " + RequestStatements.Forms.safeUrl(url) + " failed: "
                + e.getMessage());
        }
    }

    static String mime(String name, byte[] data) {
        String byName = URLConnection.guessContentTypeFromName(name);
        if (byName != null) {
            return byName;
        }
        try {
            String byContent = URLConnection.guessContentTypeFromStream(new ByteArrayInputStream(data));
            return byContent != null ? byContent : "application/octet-stream";
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
