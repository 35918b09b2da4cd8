package xs.ast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every construct of every loaded file, indexed by kind and name: what {@code xs run},
 * {@code xs test} and {@code xs serve} execute, and what cross-file checks resolve against.
 * Functions are found by name: {@code function.run "utils/format"}.
 */
public final class Program {
    private final List<Script> scripts;
    private final Map<String, Map<String, Construct>> byKind = new LinkedHashMap<>();

    public Program(List<Script> scripts) {
        this.scripts = List.copyOf(scripts);
        for (Script s : scripts) {
            for (Construct c : s.constructs()) {
                byKind.computeIfAbsent(c.kind(), k -> new LinkedHashMap<>())
                    .putIfAbsent(c.name() == null ? "" : c.name(), c);
            }
        }
    }

    public List<Script> scripts() {
        return scripts;
    }

    public List<Construct> constructs() {
        List<Construct> all = new ArrayList<>();
        for (Script s : scripts) {
            all.addAll(s.constructs());
        }
        return all;
    }

    /** Constructs of one kind (first declaration of each name), in load order. */
    public List<Construct> all(String kind) {
        return List.copyOf(byKind.getOrDefault(kind, Collections.emptyMap()).values());
    }

    public Optional<Construct> find(String kind, String name) {
        return Optional.ofNullable(byKind.getOrDefault(kind, Collections.emptyMap()).get(name));
    }

    public Optional<Construct> function(String name) {
        return find("function", name);
    }

    public List<Construct> functions() {
        return all("function");
    }

    public List<Construct> tables() {
        return all("table");
    }

    public List<Construct> channels() {
        return all("realtime_channel");
    }

    /**
     * Every realtime_trigger, in load order, including several of one name: Xano identifies a
     * trigger by its id, names repeat (an export holds 28 triggers named channel_trigger on one
     * channel), and every trigger of a channel runs.
     */
    public List<Construct> triggers() {
        return constructs().stream().filter(c -> c.kind().equals("realtime_trigger")).toList();
    }
}
