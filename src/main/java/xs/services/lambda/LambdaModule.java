package xs.services.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import xs.interp.Json;

/**
 * The ES module a lambda's code becomes. The code is the body of an async function, but
 * {@code import … from "npm:…"} lines may only stand at a module's top, so they move to the
 * module's first line; line 2 opens the function that binds the globals; the code keeps its
 * own lines from line 3 on, so a line in an error maps straight back to the author's line.
 * <pre>import dayjs from "npm:dayjs";  return dayjs($input.when).format("YYYY");</pre>
 *
 * @param name the module's file name, from a hash of the code
 * @param text the module's source (TypeScript, which Deno strips; plain JavaScript is valid too)
 * @param imports the moved imports: where each starts on line 1 and the code line it came from
 */
record LambdaModule(String name, String text, List<Moved> imports) {
    /** Lines of the module before the code's first line. */
    static final int HEADER_LINES = 2;

    /** A static import moved to line 1: its column there and its line in the code. */
    record Moved(int column, int line) {
    }

    /** A static import at the start of a line (not {@code import(…)} or {@code import.meta}). */
    private static final Pattern STATIC_IMPORT = Pattern.compile(
        "(?m)^[ \\t]*import(?:\\s+type)?\\s+(?:[\\w$*{}\\s,]+?\\s+from\\s*)?([\"'])[^\"'\\n]+\\1"
            + "(?:\\s+(?:with|assert)\\s*\\{[^}]*})?[ \\t]*;?");

    /** {@code require("name")} with the name written as text: such packages are loaded before the code runs. */
    private static final Pattern REQUIRE = Pattern.compile("\\brequire\\s*\\(\\s*([\"'])([^\"'\\n]+)\\1\\s*\\)");

    static LambdaModule of(String code) {
        String body = code.replace("\r\n", "\n");
        StringBuilder first = new StringBuilder();
        List<Moved> moved = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = STATIC_IMPORT.matcher(body);
        int last = 0;
        while (m.find()) {
            rest.append(body, last, m.start());
            String statement = m.group().strip().replaceAll("\\s*\\n\\s*", " ");
            int line = lineAt(body, m.start() + leadingBlanks(m.group()));
            moved.add(new Moved(first.length() + 1, line));
            first.append(statement).append(statement.endsWith(";") ? " " : "; ");
            // Keep the line breaks so every later line stays where the author wrote it.
            rest.append("\n".repeat((int) m.group().chars().filter(c -> c == '\n').count()));
            last = m.end();
        }
        rest.append(body.substring(last));
        Set<String> required = new LinkedHashSet<>();
        Matcher r = REQUIRE.matcher(body);
        while (r.find()) {
            String name = r.group(2);
            if (!name.startsWith(".") && !name.startsWith("/")) {
                required.add(name);
            }
        }
        String text = first + "\n"
            + "export default async function (__xs) { const $input = __xs.input, $var = __xs.var, $env = __xs.env,"
            + " $auth = __xs.auth, require = await __xs.require(" + Json.write(List.copyOf(required)) + ");"
            + " return await (async () => {\n"
            + rest + "\n})(); }\n";
        return new LambdaModule("l-" + hash(code) + ".ts", text, List.copyOf(moved));
    }

    /** The code's line for a line (and column) of the module; 0 when it is in the wrapper. */
    int codeLine(int moduleLine, int column) {
        if (moduleLine == 1) {
            int line = 0;
            for (Moved i : imports) {
                if (i.column() <= column) {
                    line = i.line();
                }
            }
            return line;
        }
        int line = moduleLine - HEADER_LINES;
        return line >= 1 ? line : 0;
    }

    private static int leadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
