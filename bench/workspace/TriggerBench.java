import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import xs.ast.Program;
import xs.db.TableSchema;
import xs.db.engines.Engines;
import xs.db.hooks.WriteHooks;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Identity;
import xs.interp.Interpreter;
import xs.interp.Outcome;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.source.Source;
import xs.syntax.ScriptParser;
import xs.workspace.TableTriggers;

/**
 * What a table trigger adds to a write. Four runs interleaved in one JVM, each N calls per round:
 * {@code plain} inserts a row in a program whose triggers are not attached (no listener at all),
 * {@code stack} is a function with the trigger's input and stack, called there with the input the
 * trigger gets (the cost of running its stack), {@code watched} inserts into a table whose trigger
 * inserts one audit row, {@code beside} is {@code plain} in the program with the trigger attached
 * (a write to a table without trigger). The trigger's overhead is watched - plain - stack per write,
 * from the medians and, less exposed to a shared machine's slow spells, round by round.
 */
public final class TriggerBench {
    /** CPU time of the calling thread: on a shared, loaded machine wall time mostly measures the neighbours. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** Bytes the calling thread allocated: unlike time, the same on a loaded machine as on an idle one. */
    private static final com.sun.management.ThreadMXBean ALLOCATED = (com.sun.management.ThreadMXBean) CPU;

    private static final String PROGRAM = """
        table plain {
          schema {
            int id
            text name
          }
        }
        ---
        table watched {
          schema {
            int id
            text name
          }
        }
        ---
        table audit {
          schema {
            int id
            text action
            int row_id?
          }
        }
        ---
        table_trigger audit_watched {
          table = "watched"
          input {
            json new
            json old
            enum action {
              values = ["insert", "update", "delete", "truncate"]
            }
            text datasource
          }
          stack {
            db.add audit {
              data = {action: $input.action, row_id: $input.new.id}
            }
          }
          actions = {insert: true}
        }
        ---
        function plain {
          input {
            text name
          }
          stack {
            db.add plain {
              data = {name: $input.name}
            }
          }
        }
        ---
        function watched {
          input {
            text name
          }
          stack {
            db.add watched {
              data = {name: $input.name}
            }
          }
        }
        ---
        function stack {
          input {
            json new
            json old
            enum action {
              values = ["insert", "update", "delete", "truncate"]
            }
            text datasource
          }
          stack {
            db.add audit {
              data = {action: $input.action, row_id: $input.new.id}
            }
          }
        }
        """;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        var parsed = new ScriptParser().parse(new Source("bench.xs", PROGRAM));
        if (parsed.script() == null) {
            throw new IllegalStateException("the bench program does not parse: " + parsed.diagnostics());
        }
        Program program = new Program(List.of(parsed.script()));
        // "bare" never attaches the triggers: its database has no listener, as a program without triggers.
        Interpreter bare = interpreter(program);
        Interpreter triggered = interpreter(program);
        TableTriggers.attach(triggered, System.err::println);
        String[] names = {"plain", "stack", "watched", "beside"};
        Interpreter[] on = {bare, bare, triggered, triggered};
        String[] functions = {"plain", "stack", "watched", "plain"};
        List<List<Double>> micros = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long[] bytes = new long[names.length];
        Map<String, Object> row = Map.of("name", "row");
        // What the trigger receives for an insert, so "stack" runs exactly the trigger's work as a call.
        Map<String, Object> triggerInput = Map.of("new", Map.of("id", 1L, "name", "row"), "old", Map.of(),
            "action", "insert", "datasource", "live");
        for (int round = 0; round < rounds + 5; round++) {
            for (int f = 0; f < names.length; f++) {
                long a0 = ALLOCATED.getCurrentThreadAllocatedBytes();
                long t0 = CPU.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    Outcome o = on[f].call(functions[f], f == 1 ? triggerInput : row, Identity.ANONYMOUS.auth());
                    if (!o.ok()) {
                        throw new IllegalStateException(o.error().getMessage());
                    }
                }
                double perCall = (CPU.getCurrentThreadCpuTime() - t0) / 1000.0 / n;
                long allocated = ALLOCATED.getCurrentThreadAllocatedBytes() - a0;
                // Every round starts on empty tables, so each run writes to tables of the same sizes
                // (a growing table makes later rounds dearer: deeper indexes, a resize mid-round).
                emptyTables(on[f]);
                if (round >= 5) {
                    micros.get(f).add(perCall);
                    bytes[f] += allocated;
                }
            }
        }
        double plain = median(micros.get(0));
        double stack = median(micros.get(1));
        double watched = median(micros.get(2));
        double beside = median(micros.get(3));
        System.out.printf("per write, thread CPU time, median of %d rounds of %d calls (after 5 warm-up rounds):%n",
            rounds, n);
        for (int f = 0; f < names.length; f++) {
            List<Double> m = micros.get(f);
            System.out.printf("  %-8s %7.2f us (min %.2f, max %.2f)  %6d bytes allocated per call%n", names[f], median(m),
                Collections.min(m), Collections.max(m), bytes[f] / ((long) rounds * n));
        }
        System.out.printf("  trigger overhead beyond its stack: %.2f us per write (watched - plain - stack)%n",
            watched - plain - stack);
        System.out.printf("  watched / (plain + stack): %.2f%n", watched / (plain + stack));
        // The same, round by round: the four runs of a round follow each other within milliseconds,
        // so a slow spell of a shared machine slows all four of them and cancels out of the ratio.
        List<Double> ratios = new ArrayList<>();
        List<Double> extras = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double p = micros.get(0).get(r);
            double s = micros.get(1).get(r);
            double w = micros.get(2).get(r);
            ratios.add(w / (p + s));
            extras.add(w - p - s);
        }
        Collections.sort(ratios);
        Collections.sort(extras);
        System.out.printf("  per round: watched / (plain + stack) median %.2f (middle half %.2f-%.2f); "
            + "watched - plain - stack median %.2f us%n", median(ratios), ratios.get(rounds / 4),
            ratios.get(rounds - 1 - rounds / 4), median(extras));
        System.out.printf("  a write to another table beside a trigger: %.2f us more than without (beside - plain)%n",
            beside - plain);
    }

    private static Interpreter interpreter(Program program) {
        WriteHooks db = Engines.inMemory();
        for (TableSchema t : TableDefinitions.of(program)) {
            db.define(t);
        }
        return new Interpreter(program, Services.of(db, new EventRecorder(ChannelDirectory.of(program)), Map.of(), 60_000));
    }

    private static void emptyTables(Interpreter interpreter) {
        for (String table : List.of("plain", "watched", "audit")) {
            interpreter.services().database().truncate(table, true);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
