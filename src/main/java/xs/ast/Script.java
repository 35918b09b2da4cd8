package xs.ast;

import java.util.List;
import xs.source.Source;

/** One parsed {@code .xs} file: the constructs it declares, in order. */
public record Script(Source source, List<Construct> constructs) {
    public Script {
        constructs = List.copyOf(constructs);
    }
}
