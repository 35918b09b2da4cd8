package xs.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dotenv file for {@code --env-file}: {@code KEY=VALUE} lines, {@code export KEY=VALUE},
 * {@code #} comments, values bare, 'single-quoted' (as written) or "double-quoted" (with \n, \t,
 * \" and \\ escapes). Messages name the file and line, never a value: env files hold secrets.
 * <pre>STRIPE_KEY="sk_test_…"   # read by $env.STRIPE_KEY</pre>
 */
final class DotEnv {
    private DotEnv() {
    }

    static Map<String, String> read(Path file) throws ProgramSetup.SetupException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new ProgramSetup.SetupException("cannot read the env file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (key.isEmpty() || !key.matches("[A-Za-z_$][A-Za-z0-9_.$-]*")) {
                throw new ProgramSetup.SetupException(file + ":" + (i + 1) + ": expected KEY=VALUE");
            }
            out.put(key, value(line.substring(eq + 1).strip(), file, i + 1));
        }
        return out;
    }

    private static String value(String v, Path file, int line) throws ProgramSetup.SetupException {
        if (v.startsWith("'") || v.startsWith("\"")) {
            char quote = v.charAt(0);
            int end = closing(v, quote);
            if (end < 0) {
                throw new ProgramSetup.SetupException(file + ":" + line + ": the value's closing " + quote
                    + " is missing");
            }
            String inner = v.substring(1, end);
            return quote == '\'' ? inner : unescape(inner);
        }
        int comment = v.indexOf(" #");
        return (comment >= 0 ? v.substring(0, comment) : v).strip();
    }

    private static int closing(String v, char quote) {
        for (int i = 1; i < v.length(); i++) {
            if (quote == '"' && v.charAt(i) == '\\') {
                i++;
            } else if (v.charAt(i) == quote) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
