package xs.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link Delivery} of a run without a live client ({@code xs run}, {@code xs test},
 * {@code api.call}, tasks): streamed values are kept, and once {@code api.stream} has run the
 * run's response is the list of them, the whole response Xano's Run &amp; Debug shows once a
 * stream has ended. {@code util.post_process} stacks wait until {@link #runPostProcess}.
 * <pre>api.stream { value = "line 1" }   →   $response == ["line 1"]</pre>
 */
public final class StreamRecorder implements Delivery {
    private final List<Object> values = new ArrayList<>();
    private final List<PostProcess> waiting = new ArrayList<>();
    private final Consumer<Object> listener;

    public StreamRecorder() {
        this(v -> { });
    }

    /** @param listener sees each value as it is streamed ({@code xs run} prints it then) */
    public StreamRecorder(Consumer<Object> listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void stream(Object value, List<WebRequest.Header> headers) {
        values.add(value);
        listener.accept(value);
    }

    @Override
    public synchronized void afterResponse(PostProcess work) {
        waiting.add(work);
    }

    /** The values streamed so far, in order. */
    public synchronized List<Object> values() {
        return new ArrayList<>(values);
    }

    /**
     * Runs the waiting post-process stacks in the order they were reached (and any they reach
     * in turn), reporting their logs and each failure to {@code log}, with file and line.
     */
    public void runPostProcess(Consumer<String> log) {
        while (true) {
            PostProcess next;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    return;
                }
                next = waiting.remove(0);
            }
            Outcome o = next.run(this);
            for (Object line : o.logs()) {
                log.accept("util.post_process (" + next.span() + ") log: " + (line instanceof String s ? s : Json.write(line)));
            }
            if (!o.ok()) {
                log.accept(PostProcess.describe(o.error(), next));
            }
        }
    }
}
