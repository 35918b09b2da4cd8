package xs.interp.filters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import xs.interp.Values;

/**
 * {@code sort[:path[:type[:descending]]]} and {@code shuffle}:
 * {@code $users|sort:"name":"itext"}, {@code $scores|sort:"":"number":true}. The type says how
 * to compare: number, text, itext (ignoring case), natural ("a2" before "a10") or inatural.
 * Without a type (or with one we do not know) values compare as the {@code <} operator does.
 * A true third argument sorts descending. The sort is stable.
 */
final class ArraySorting {
    private ArraySorting() {
    }

    static void register(FilterRegistry r) {
        r.register("sort", ArraySorting::sort);
        r.register("shuffle", c -> {
            List<Object> out = new ArrayList<>(FilterSupport.list(c));
            Collections.shuffle(out);
            return out;
        });
        r.alias("fsort", "sort");
        r.alias("array_shuffle", "shuffle");
    }

    private static Object sort(FilterCall c) {
        String path = FilterSupport.textArg(c, 0, "");
        String type = FilterSupport.textArg(c, 1, "").trim().toLowerCase(Locale.ROOT);
        boolean descending = descending(c.arg(2));
        // Exports sometimes write the direction where the type goes: sort:"name":"desc".
        if (type.equals("asc") || type.equals("desc")) {
            descending = type.equals("desc");
            type = "";
        }
        Comparator<Object> byValue = comparator(type);
        Comparator<Object> byPath = (a, b) -> byValue.compare(Paths.get(a, path), Paths.get(b, path));
        List<Object> out = new ArrayList<>(FilterSupport.list(c));
        try {
            out.sort(descending ? byPath.reversed() : byPath);
        } catch (IllegalArgumentException inconsistent) {
            // TimSort noticed that mixed types (text, numbers, arrays) have no consistent order.
            throw c.error("cannot sort values of mixed types; give a type such as \"text\" or \"number\"");
        }
        return out;
    }

    private static boolean descending(Object flag) {
        if (flag instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.startsWith("asc")) {
                return false;
            }
            if (t.startsWith("desc")) {
                return true;
            }
        }
        return Values.truthy(flag);
    }

    static Comparator<Object> comparator(String type) {
        return switch (type) {
            case "number", "numeric", "num", "int", "integer", "decimal", "float" -> ArraySorting::compareNumbers;
            case "text", "string" -> Comparator.comparing(Values::toText);
            case "itext", "istring", "case-insensitive", "case_insensitive" ->
                Comparator.comparing(Values::toText, String.CASE_INSENSITIVE_ORDER);
            case "natural" -> (a, b) -> compareNatural(Values.toText(a), Values.toText(b), false);
            case "inatural" -> (a, b) -> compareNatural(Values.toText(a), Values.toText(b), true);
            default -> Values::compare;
        };
    }

    /** Numbers and numeric text by value; anything else after all numbers, as text. */
    private static int compareNumbers(Object a, Object b) {
        BigDecimal x = Values.numericOrNull(a);
        BigDecimal y = Values.numericOrNull(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return Values.toText(a).compareTo(Values.toText(b));
    }

    /** Natural order: runs of digits compare as numbers, everything else character by character. */
    static int compareNatural(String a, String b, boolean ignoreCase) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int cmp = compareDigitRuns(a.substring(i, endA), b.substring(j, endB));
                if (cmp != 0) {
                    return cmp;
                }
                i = endA;
                j = endB;
                continue;
            }
            if (ignoreCase) {
                x = Character.toLowerCase(Character.toUpperCase(x));
                y = Character.toLowerCase(Character.toUpperCase(y));
            }
            if (x != y) {
                return Character.compare(x, y);
            }
            i++;
            j++;
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static boolean isDigit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Compares two digit runs as numbers of any length: fewer significant digits is smaller. */
    private static int compareDigitRuns(String x, String y) {
        String a = stripZeros(x);
        String b = stripZeros(y);
        if (a.length() != b.length()) {
            return Integer.compare(a.length(), b.length());
        }
        int cmp = a.compareTo(b);
        // Equal values: the one with fewer leading zeros first, so the order is total.
        return cmp != 0 ? cmp : Integer.compare(x.length(), y.length());
    }

    private static String stripZeros(String digits) {
        int k = 0;
        while (k < digits.length() - 1 && digits.charAt(k) == '0') {
            k++;
        }
        return digits.substring(k);
    }
}
