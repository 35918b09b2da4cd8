package xs.interp;

/**
 * A compiled statement: runs in a frame and says how control continues. Signals instead of
 * exceptions keep loops with break and continue cheap.
 */
@FunctionalInterface
public interface Exec {
    int NORMAL = 0;
    int BREAK = 1;
    int CONTINUE = 2;
    int RETURN = 3;

    int exec(Frame frame);
}
