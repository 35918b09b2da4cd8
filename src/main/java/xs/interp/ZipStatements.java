package xs.interp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import xs.ast.GenericStmt;
import xs.interp.filters.RawBytes;
import xs.source.Span;

/**
 * {@code zip.*} with java.util.zip. An archive is a file resource
 * ({@code {name, size, mime: "application/zip", data}}); {@code add_to_archive} and
 * {@code delete_from_archive} write the changed archive back to the variable {@code zip} names
 * (and to {@code as}). Reading is bounded ({@value #MAX_ENTRIES} entries, {@value #MAX_BYTES}
 * bytes unpacked) so a zip bomb is an error; password-protected archives are not supported.
 * <pre>zip.create_archive { filename = "export.zip" } as $zip</pre>
 */
final class ZipStatements {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private ZipStatements() {
    }

    /** One entry of an archive. */
    private record Entry(String name, byte[] data, boolean directory) {
    }

    static void register(StatementRegistry r) {
        r.add("zip.create_archive", Set.of("filename", "password", "password_encryption"), Set.of(),
            ZipStatements::create);
        r.add("zip.add_to_archive", Set.of("file", "filename", "zip", "password", "password_encryption"),
            Set.of("file", "zip"), ZipStatements::add);
        r.add("zip.delete_from_archive", Set.of("filename", "zip", "password"), Set.of("filename", "zip"),
            ZipStatements::delete);
        r.add("zip.extract", Set.of("zip", "password"), Set.of("zip"), ZipStatements::extract);
        r.add("zip.view_contents", Set.of("zip", "password"), Set.of("zip"), ZipStatements::view);
    }

    private static void noPassword(Eval password, Frame f, String statement, Span span) {
        if (password != null && !Values.isEmpty(password.eval(f))) {
            throw XsError.runtime(span, statement + ": password-protected zip archives are not supported by xs");
        }
    }

    private static Exec create(GenericStmt s, Compilation c) {
        Eval filename = c.attr(s, "filename", "archive.zip");
        Eval password = c.attr(s, "password");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            noPassword(password, f, s.name(), span);
            Object name = filename.eval(f);
            return archive(name == null || "".equals(name) ? "archive.zip" : Values.toText(name), List.of(), span);
        });
    }

    /** The archive attribute's variable, so the changed archive can be written back; null when it is not a variable. */
    private static Target zipTarget(GenericStmt s, Compilation c) {
        try {
            return s.attribute("zip").map(c::target).orElse(null);
        } catch (XsError notAVariable) {
            return null;
        }
    }

    private static Exec add(GenericStmt s, Compilation c) {
        Eval file = c.required(s, "file");
        Eval filename = c.attr(s, "filename", null);
        Span span = s.span();
        return changing(s, c, (f, entries) -> {
            StorageStatements.Content content = StorageStatements.content(file.eval(f), f, s.name(), span);
            Object given = filename.eval(f);
            String name = given == null || "".equals(given) ? content.name() : Values.toText(given);
            entries.removeIf(e -> e.name().equals(name));
            entries.add(new Entry(name, content.data(), false));
        });
    }

    private static Exec delete(GenericStmt s, Compilation c) {
        Eval filename = c.required(s, "filename");
        return changing(s, c, (f, entries) -> {
            Object target = filename.eval(f);
            String name = target instanceof Map<?, ?> m && m.get("name") != null ? Values.toText(m.get("name"))
                : Values.toText(target);
            entries.removeIf(e -> e.name().equals(name) || (name.endsWith("/") && e.name().startsWith(name)));
        });
    }

    /** What {@code zip.add_to_archive} and {@code zip.delete_from_archive} do to the archive's entries. */
    private interface Change {
        void apply(Frame f, List<Entry> entries);
    }

    /** The archive with its entries changed, written back to the {@code zip} variable when it is one. */
    private static Exec changing(GenericStmt s, Compilation c, Change change) {
        Eval zip = c.required(s, "zip");
        Eval password = c.attr(s, "password");
        Target back = zipTarget(s, c);
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            noPassword(password, f, s.name(), span);
            Object archive = zip.eval(f);
            List<Entry> entries = entries(archive, f, s.name(), span);
            change.apply(f, entries);
            Map<String, Object> updated = archive(nameOf(archive), entries, span);
            if (back != null) {
                back.write(f, updated);
            }
            return updated;
        });
    }

    private static Exec extract(GenericStmt s, Compilation c) {
        return listing(s, c, e -> {
            if (e.directory()) {
                return null;
            }
            Map<String, Object> r = sized(e);
            r.put("mime", StorageStatements.mime(e.name(), e.data()));
            r.put("data", RawBytes.text(e.data()));
            return r;
        });
    }

    private static Exec view(GenericStmt s, Compilation c) {
        return listing(s, c, e -> {
            Map<String, Object> r = sized(e);
            r.put("is_directory", e.directory());
            return r;
        });
    }

    /** A list with one object per entry of the archive, as {@code row} makes it (null leaves the entry out). */
    private static Exec listing(GenericStmt s, Compilation c, Function<Entry, Map<String, Object>> row) {
        Eval zip = c.required(s, "zip");
        Eval password = c.attr(s, "password");
        Span span = s.span();
        return CoreStatements.produce(s, c, f -> {
            noPassword(password, f, s.name(), span);
            List<Object> out = new ArrayList<>();
            for (Entry e : entries(zip.eval(f), f, s.name(), span)) {
                Map<String, Object> r = row.apply(e);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        });
    }

    private static Map<String, Object> sized(Entry e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", e.name());
        r.put("size", (long) e.data().length);
        return r;
    }

    private static String nameOf(Object archive) {
        return archive instanceof Map<?, ?> m && m.get("name") instanceof String n && !n.isEmpty() ? n : "archive.zip";
    }

    private static List<Entry> entries(Object archive, Frame f, String statement, Span span) {
        byte[] bytes = StorageStatements.content(archive, f, statement, span).data();
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (entries.size() == MAX_ENTRIES) {
                    throw XsError.runtime(span, statement + ": the archive has more than " + MAX_ENTRIES + " entries");
                }
                byte[] data = readBounded(in, MAX_BYTES - total, statement, span);
                total += data.length;
                entries.add(new Entry(e.getName(), data, e.isDirectory()));
            }
        } catch (IOException e) {
            throw XsError.runtime(span, statement + ": the zip archive is not valid: " + e.getMessage());
        }
        if (entries.isEmpty() && bytes.length > 0 && !isEmptyZip(bytes)) {
            throw XsError.runtime(span, statement + ": the value is not a zip archive");
        }
        return entries;
    }

    /** An archive without entries is just its end record, which starts PK\5\6. */
    private static boolean isEmptyZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 5 && bytes[3] == 6;
    }

    private static byte[] readBounded(InputStream in, long left, String statement, Span span) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > left) {
                throw XsError.runtime(span, statement + ": the archive unpacks to more than " + MAX_BYTES / (1024 * 1024)
                    + " MB");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static Map<String, Object> archive(String name, List<Entry> entries, Span span) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Entry e : entries) {
                out.putNextEntry(new ZipEntry(e.name()));
                out.write(e.data());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw XsError.runtime(span, "cannot write the zip archive: " + e.getMessage());
        }
        byte[] data = bytes.toByteArray();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("size", (long) data.length);
        r.put("mime", "application/zip");
        r.put("data", RawBytes.text(data));
        return r;
    }
}
