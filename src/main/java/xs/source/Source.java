package xs.source;

import java.util.Arrays;

/**
 * The text of one script and the name it is reported under, with line lookup for diagnostics.
 * <pre>function "f" { stack { } }</pre> read from {@code samples/f.xs} is one Source.
 */
public final class Source {
    private final String name;
    private final String text;
    private volatile int[] lineStarts;

    public Source(String name, String text) {
        this.name = name;
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** 1-based line of a character offset. */
    public int line(int offset) {
        int[] starts = lineStarts();
        int i = Arrays.binarySearch(starts, Math.max(0, Math.min(offset, text.length())));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column of a character offset (tabs count as one column). */
    public int column(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        return clamped - lineStarts()[line(clamped) - 1] + 1;
    }

    /** Offset of the first character of a 1-based line and column. */
    public int offset(int line, int column) {
        int[] starts = lineStarts();
        if (line < 1) {
            return 0;
        }
        if (line > starts.length) {
            return text.length();
        }
        return Math.min(text.length(), starts[line - 1] + Math.max(0, column - 1));
    }

    /** The text of a 1-based line without its line break. */
    public String lineText(int line) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return "";
        }
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }

    public int lineCount() {
        return lineStarts().length;
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = computeLineStarts();
            lineStarts = starts;
        }
        return starts;
    }

    private int[] computeLineStarts() {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    @Override
    public String toString() {
        return name;
    }
}
