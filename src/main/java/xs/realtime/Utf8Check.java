package xs.realtime;

/**
 * Checks that the bytes of a text message are well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF), across fragments: a character may be split between two
 * frames, so the check keeps where it is inside one. RFC 6455 §8.1 closes with 1007 otherwise.
 * <pre>Utf8Check c = new Utf8Check(); c.feed(fragment) … c.complete()</pre>
 */
final class Utf8Check {
    /** Continuation bytes still expected for the current character. */
    private int needed;
    /** The range the next continuation byte must fall in (narrower right after some lead bytes). */
    private int low = 0x80;
    private int high = 0xBF;

    /** Whether a whole message is well-formed UTF-8. */
    static boolean valid(byte[] bytes) {
        Utf8Check c = new Utf8Check();
        return c.feed(bytes) && c.complete();
    }

    /** Takes the next bytes of a message; false as soon as they cannot be UTF-8. */
    boolean feed(byte[] bytes) {
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (needed > 0) {
                if (b < low || b > high) {
                    return false;
                }
                needed--;
                low = 0x80;
                high = 0xBF;
            } else if (b >= 0x80 && !lead(b)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the message may end here: not inside a character. */
    boolean complete() {
        return needed == 0;
    }

    private boolean lead(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            needed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            needed = 2;
            if (b == 0xE0) {
                low = 0xA0; // overlong below U+0800
            } else if (b == 0xED) {
                high = 0x9F; // surrogates U+D800..U+DFFF
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            needed = 3;
            if (b == 0xF0) {
                low = 0x90; // overlong below U+10000
            } else if (b == 0xF4) {
                high = 0x8F; // above U+10FFFF
            }
        } else {
            return false; // a stray continuation byte, C0/C1 (overlong) or F5..FF
        }
        return true;
    }
}
