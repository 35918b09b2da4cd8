package xs.interp;

/**
 * The client's end of a run: where {@code api.stream} sends each value while the stack keeps
 * running, and who runs the {@code util.post_process} stacks once the response is out. An HTTP
 * request brings one that writes server-sent events; runs without a live client use a
 * {@link StreamRecorder}.
 * <pre>foreach ($lines) { each as $line { api.stream { value = $line } } }</pre>
 */
public interface Delivery {
    /**
     * Sends one value to the client now; the first also sends the response's status and
     * {@code headers} (those {@code util.set_header} set so far). Throws {@link #clientGone} once
     * the client has left.
     */
    void stream(Object value, java.util.List<WebRequest.Header> headers);

    /** Takes a {@code util.post_process} stack to run after the response has been delivered. */
    void afterResponse(PostProcess work);

    /** The error {@link #stream} throws once the client has left: the run stops there. */
    static XsError clientGone() {
        return XsError.runtime(null, "api.stream: the client closed the connection, so the stack stopped");
    }
}
