package xs.source;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads with a large stack. Parsing, building and running scripts recurse as deep as the
 * script nests; a big stack turns "StackOverflowError on a long expression" into "works", and
 * the remaining pathological cases into a diagnostic instead of a crash.
 */
public final class DeepStacks {
    /** 512 MiB of address space; only the pages a deep recursion touches are ever committed. */
    public static final long STACK_BYTES = 512L * 1024 * 1024;

    private DeepStacks() {
    }

    public static ThreadFactory factory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(null, task, prefix + "-" + count.incrementAndGet(), STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }

    public static Thread thread(String name, Runnable task) {
        return new Thread(null, task, name, STACK_BYTES);
    }
}
