package xs.services.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import xs.interp.Json;

/**
 * One long-lived Deno process running worker.js, one call at a time. Requests go to its stdin
 * as JSON lines. Its stdout (stderr merged in) carries both the answers, each a line starting
 * with a random marker, and whatever the lambda prints; the lines without the marker are the
 * lambda's output, bounded per call. A reader thread does the reading, so a call waits for its
 * answer with a time limit.
 */
final class Worker {
    /** Lines of output kept from between calls, to explain a worker that dies while idle or starting. */
    private static final int TAIL_LINES = 20;
    /** Characters kept of one printed line; the rest still counts towards the output limit. */
    private static final int MAX_KEPT_LINE = 8 * 1024;
    /** An answer larger than this (the lambda's result as JSON) fails the call. */
    private static final int MAX_ANSWER = 64 * 1024 * 1024;

    private final Process process;
    private final byte[] marker;
    private final OutputStream stdin;
    private final long outputLimit;
    private final Set<String> modules = new HashSet<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final Object lock = new Object();
    private Pending pending;
    private boolean exited;
    /** Why the process ended, once it has: handed to a call that comes too late. */
    private WorkerFailure ending;
    private long nextId;

    /** The call in progress: its answer, once it comes, and what it printed. */
    private static final class Pending {
        final long id;
        final List<String> output = new ArrayList<>();
        long outputBytes;
        String answer;
        WorkerFailure failure;

        Pending(long id) {
            this.id = id;
        }

        boolean done() {
            return answer != null || failure != null;
        }
    }

    /** The answer to one call: the worker's JSON reply and the lines printed meanwhile. */
    record Answer(Map<String, Object> reply, List<String> output) {
    }

    private Worker(Process process, byte[] marker, long outputLimit) {
        this.process = process;
        this.marker = marker;
        this.stdin = process.getOutputStream();
        this.outputLimit = outputLimit;
    }

    /**
     * Starts a worker and waits until it is ready. Its environment is empty but for what Deno
     * itself needs (its cache, a temporary folder, the npm registry), so no secret of the host
     * process reaches the lambda; its permissions are the network and the work folder.
     */
    static Worker start(LambdaSettings settings, WorkFolder folder, int number) throws WorkerFailure {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        byte[] marker = ("\u001exs-" + HexFormat.of().formatHex(nonce) + ":").getBytes(StandardCharsets.UTF_8);
        List<String> command = List.of(settings.deno().toString(), "run", "--quiet", "--no-config", "--no-lock",
            "--no-prompt", "--allow-net", "--allow-import", "--allow-env",
            "--allow-read=" + folder.root(), "--allow-write=" + folder.scratch(),
            "--v8-flags=--max-old-space-size=" + settings.memoryMb(), folder.workerScript().toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(folder.scratch().toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("NO_COLOR", "1");
        env.put("DENO_NO_UPDATE_CHECK", "1");
        env.put("DENO_NO_PROMPT", "1");
        // The machine's certificate store, as Java and curl use it (Deno's default is its own bundle).
        env.put("DENO_TLS_CA_STORE", "system");
        env.put("TMPDIR", folder.scratch().toString());
        env.put("DENO_DIR", (settings.cacheDir() != null ? settings.cacheDir() : folder.root().resolve("cache")).toString());
        if (settings.registry() != null) {
            env.put("NPM_CONFIG_REGISTRY", settings.registry());
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new WorkerFailure(WorkerFailure.Kind.START, "api.lambda could not start Deno (" + settings.deno() + "): "
                + e.getMessage());
        }
        Worker worker = new Worker(process, marker, settings.outputLimitBytes());
        Thread reader = new Thread(worker::read, "xs-lambda-worker-" + number);
        reader.setDaemon(true);
        reader.start();
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("marker", new String(marker, StandardCharsets.UTF_8));
        hello.put("dir", folder.modules().toString());
        try {
            Answer ready = worker.exchange(Json.write(hello), -1, settings.startTimeoutMillis());
            if (!Boolean.TRUE.equals(ready.reply().get("ready"))) {
                throw new WorkerFailure(WorkerFailure.Kind.START, "the lambda worker answered its start with "
                    + Json.write(ready.reply()));
            }
        } catch (WorkerFailure e) {
            worker.kill();
            throw new WorkerFailure(WorkerFailure.Kind.START, "api.lambda could not start a Deno worker ("
                + settings.deno() + "): " + e.getMessage());
        }
        return worker;
    }

    /** Sends one request and waits up to {@code timeoutMillis} for its answer. */
    Answer call(Map<String, Object> request, long timeoutMillis) throws WorkerFailure {
        long id;
        synchronized (lock) {
            id = ++nextId;
        }
        request.put("id", id);
        return exchange(Json.write(request), id, timeoutMillis);
    }

    /** Whether this worker has loaded the module already (each loaded module stays in its memory). */
    boolean loaded(String module) {
        return modules.contains(module);
    }

    int modulesLoaded() {
        return modules.size();
    }

    void markLoaded(String module) {
        modules.add(module);
    }

    private Answer exchange(String line, long id, long timeoutMillis) throws WorkerFailure {
        Pending p = new Pending(id);
        synchronized (lock) {
            if (exited) {
                // A worker that died before its first call (a Deno that cannot start) says why.
                throw ending != null ? ending : new WorkerFailure(WorkerFailure.Kind.EXITED,
                    "the lambda worker had already stopped");
            }
            pending = p;
        }
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // The process is going away: give the reader a moment to collect what it said and its
            // exit code, which it puts on the pending call; that says more than the broken pipe.
            synchronized (lock) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                try {
                    while (!p.done() && !exited && System.nanoTime() < until) {
                        lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                pending = null;
                if (p.failure != null) {
                    throw p.failure.withOutput(p.output);
                }
            }
            throw new WorkerFailure(WorkerFailure.Kind.EXITED, "the lambda worker stopped taking calls: "
                + tailText());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (lock) {
            try {
                while (!p.done()) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        p.failure = new WorkerFailure(WorkerFailure.Kind.TIMEOUT, "timed out");
                        break;
                    }
                    lock.wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.failure = new WorkerFailure(WorkerFailure.Kind.TIMEOUT, "interrupted");
            } finally {
                pending = null;
            }
            if (p.failure != null) {
                throw p.failure.withOutput(p.output);
            }
        }
        try {
            Object reply = Json.read(p.answer);
            if (!(reply instanceof Map<?, ?>)) {
                throw new WorkerFailure(WorkerFailure.Kind.EXITED, "the lambda worker sent " + p.answer);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) reply;
            if (id >= 0 && !Long.valueOf(id).equals(map.get("id"))) {
                throw new WorkerFailure(WorkerFailure.Kind.EXITED, "the lambda worker answered call " + map.get("id")
                    + " instead of " + id);
            }
            return new Answer(map, p.output);
        } catch (Json.Malformed e) {
            throw new WorkerFailure(WorkerFailure.Kind.EXITED, "the lambda worker sent a garbled answer: "
                + e.getMessage());
        }
    }

    /** Fails the call in progress (the watchdog uses it when the worker uses too much memory). */
    void fail(WorkerFailure failure) {
        synchronized (lock) {
            if (pending != null && !pending.done()) {
                pending.failure = failure;
                lock.notifyAll();
            }
        }
    }

    boolean busy() {
        synchronized (lock) {
            return pending != null;
        }
    }

    boolean alive() {
        synchronized (lock) {
            return !exited && process.isAlive();
        }
    }

    /** Resident memory of the process in bytes (Linux), or -1 when it cannot be read. */
    long residentBytes() {
        try {
            String statm = Files.readString(Path.of("/proc", Long.toString(process.pid()), "statm"));
            String[] fields = statm.trim().split("\\s+");
            return Long.parseLong(fields[1]) * 4096;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            stdin.close();
        } catch (IOException e) {
            // it is being killed anyway
        }
    }

    /** The reader thread: splits the output into answers and printed lines until the process ends. */
    private void read() {
        InputStream in = process.getInputStream();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        boolean protocol = false;
        boolean decided = false;
        long uncounted = 0;
        byte[] buffer = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (protocol) {
                            answered(current.toString(StandardCharsets.UTF_8).substring(marker.length));
                        } else if (current.size() > 0) {
                            printed(current.toString(StandardCharsets.UTF_8), uncounted + 1);
                        }
                        current.reset();
                        protocol = false;
                        decided = false;
                        uncounted = 0;
                        continue;
                    }
                    if (protocol || !decided || current.size() < MAX_KEPT_LINE) {
                        current.write(b);
                    }
                    if (!decided && b != marker[current.size() - 1]) {
                        decided = true;
                    } else if (!decided && current.size() == marker.length) {
                        decided = true;
                        protocol = true;
                    }
                    if (protocol) {
                        if (current.size() > MAX_ANSWER) {
                            failPending(WorkerFailure.Kind.OUTPUT, "its result is larger than "
                                + MAX_ANSWER / (1024 * 1024) + " MB as JSON");
                            protocol = false;
                            current.reset();
                        }
                    } else if (++uncounted >= 64 * 1024) {
                        // A line without end still counts towards the limit as it arrives.
                        countOutput(uncounted);
                        uncounted = 0;
                    }
                }
            }
            if (current.size() > 0 && !protocol) {
                printed(current.toString(StandardCharsets.UTF_8), uncounted);
            }
        } catch (IOException e) {
            // the process went away
        }
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            code = -1;
        }
        synchronized (lock) {
            exited = true;
            String said = tailText();
            boolean memory = said.toLowerCase(java.util.Locale.ROOT).contains("out of memory");
            ending = memory
                ? new WorkerFailure(WorkerFailure.Kind.MEMORY, "its JavaScript heap was full")
                : new WorkerFailure(WorkerFailure.Kind.EXITED, "the worker process ended (exit code " + code + ")"
                    + (said.isEmpty() ? "" : ": " + said));
            if (pending != null && !pending.done()) {
                pending.failure = ending;
            }
            lock.notifyAll();
        }
    }

    private void answered(String json) {
        synchronized (lock) {
            if (pending != null && !pending.done()) {
                pending.answer = json;
                lock.notifyAll();
            }
        }
    }

    private void printed(String line, long bytes) {
        synchronized (lock) {
            String kept = line.length() >= MAX_KEPT_LINE ? line + "…" : line;
            if (pending != null && !pending.done()) {
                pending.output.add(kept);
            }
            tail.addLast(kept.length() > 300 ? kept.substring(0, 300) + "…" : kept);
            while (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
        countOutput(bytes);
    }

    private void countOutput(long bytes) {
        synchronized (lock) {
            if (pending == null || pending.done()) {
                return;
            }
            pending.outputBytes += bytes;
            if (pending.outputBytes > outputLimit) {
                pending.failure = new WorkerFailure(WorkerFailure.Kind.OUTPUT, "printed more than " + outputLimit
                    + " bytes");
                lock.notifyAll();
            }
        }
    }

    private void failPending(WorkerFailure.Kind kind, String message) {
        synchronized (lock) {
            if (pending != null && !pending.done()) {
                pending.failure = new WorkerFailure(kind, message);
                lock.notifyAll();
            }
        }
    }

    private String tailText() {
        synchronized (lock) {
            return String.join(" | ", tail).strip();
        }
    }
}
