package xs.workspace;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The {@link Api} a server answers with now. An Api is an immutable snapshot (program,
 * workspace, interpreter, tokens); {@code xs serve --watch} builds a new one for each reload and
 * swaps it in whole. A request reads {@link #get()} once when it starts and runs to its end on
 * that snapshot, so requests in flight finish on the program they started with while new ones
 * take the new program.
 * <pre>LiveApi live = new LiveApi(api);  live.get().handle(request);  live.swap(reloaded);</pre>
 */
public final class LiveApi implements Supplier<Api> {
    /** One snapshot and its number: 1 for the program the server started with, +1 per reload. */
    private record Current(Api api, long version) {
    }

    private final AtomicReference<Current> current;

    public LiveApi(Api api) {
        this.current = new AtomicReference<>(new Current(api, 1));
    }

    /** The snapshot new requests run on. */
    @Override
    public Api get() {
        return current.get().api();
    }

    /** Counts reloads: the console asks for it to notice a new program without reloading the page. */
    public long version() {
        return current.get().version();
    }

    /** Makes {@code next} the program that new requests run on. */
    public void swap(Api next) {
        current.updateAndGet(c -> new Current(next, c.version() + 1));
    }
}
