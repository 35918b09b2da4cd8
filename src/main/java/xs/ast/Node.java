package xs.ast;

import xs.source.Span;

/** Anything written in a script: it knows where it was written. */
public interface Node {
    Span span();
}
