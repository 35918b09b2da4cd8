package xs.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The characters of a Java string as ANTLR input, indexed by UTF-16 unit so that token offsets
 * are the same indices {@link xs.source.Source} uses (ANTLR's own streams count code points,
 * which drift after an emoji).
 */
final class Utf16CharStream implements CharStream {
    private final String text;
    private final String name;
    private int index;

    Utf16CharStream(String text, String name) {
        this.text = text;
        this.name = name;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(0, interval.a);
        int stop = Math.min(text.length() - 1, interval.b);
        return start > stop ? "" : text.substring(start, stop + 1);
    }

    @Override
    public void consume() {
        if (index >= text.length()) {
            throw new IllegalStateException("cannot consume EOF");
        }
        index++;
    }

    @Override
    public int LA(int i) {
        if (i == 0) {
            return 0;
        }
        int at = i > 0 ? index + i - 1 : index + i;
        if (at < 0 || at >= text.length()) {
            return IntStream.EOF;
        }
        return text.charAt(at);
    }

    @Override
    public int mark() {
        return -1;
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int index) {
        this.index = Math.max(0, Math.min(index, text.length()));
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return name;
    }

    @Override
    public String toString() {
        return text;
    }
}
