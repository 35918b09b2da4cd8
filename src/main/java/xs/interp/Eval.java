package xs.interp;

/** A compiled expression: computes a value in a frame. */
@FunctionalInterface
public interface Eval {
    Object eval(Frame frame);
}
