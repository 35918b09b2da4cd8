package xs.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import xs.ast.Program;
import xs.db.Database;
import xs.db.engines.Engines;
import xs.interp.ChannelDirectory;
import xs.interp.EventRecorder;
import xs.interp.Interpreter;
import xs.interp.Services;
import xs.interp.TableDefinitions;
import xs.source.Source;
import xs.syntax.ScriptParser;

/**
 * The scheduler driven by a test clock and a test executor: which occurrences run, that a due
 * occurrence is skipped while the previous run is still going, ends_on, inactive tasks, the
 * lease, and runs asked for now. No test sleeps: time moves when the test says so.
 */
class TaskSchedulerTest {
    private static final long START = Instant.parse("2026-01-01T02:00:00Z").toEpochMilli();

    private final AtomicLong now = new AtomicLong(START - 30_000);
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    /** Runs wait here until the test releases them, so a run is "still going" as long as the test likes. */
    private final Deque<Runnable> held = new ArrayDeque<>();
    private final Executor holding = held::add;
    private Database db;

    private Interpreter interpreter(String text) {
        Program program = new Program(List.of(new ScriptParser().parse(new Source("tasks.xs", text)).script()));
        db = Engines.inMemory();
        TableDefinitions.of(program).forEach(db::define);
        Services services = new Services(db, new EventRecorder(ChannelDirectory.of(program)), Map.of(), now::get, 5000);
        return new Interpreter(program, services);
    }

    private static final String TICKER = """
        table tick {
          schema {
            int id
            timestamp at?
          }
        }
        ---
        task ticker {
          stack {
            db.add tick {
              data = {at: now}
            }
          }
          schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 60, ends_on: 2026-01-01 02:03:00+0000}]
        }
        """;

    private void releaseAll() {
        while (!held.isEmpty()) {
            held.poll().run();
        }
    }

    private long ticks() {
        return ((List<?>) db.query(new xs.db.Query("tick", null, List.of(), xs.db.ReturnSpec.list(), null, null))).size();
    }

    @Test
    void runsEachOccurrenceOnceFromStartsOnUntilEndsOn() {
        TaskScheduler scheduler = new TaskScheduler(interpreter(TICKER), TaskLease.ALONE, Runnable::run, log);
        assertEquals(START, scheduler.tasks().get(0).nextRun());
        scheduler.tick();
        assertEquals(0, ticks(), "nothing is due 30 s before starts_on");
        now.set(START);
        scheduler.tick();
        scheduler.tick();
        assertEquals(1, ticks(), "the occurrence at starts_on runs once, however often the clock is read");
        now.set(START + 59_999);
        scheduler.tick();
        assertEquals(1, ticks());
        now.set(START + 60_000);
        scheduler.tick();
        assertEquals(2, ticks());
        TaskScheduler.Status status = scheduler.tasks().get(0);
        assertEquals(START + 120_000, status.nextRun());
        assertTrue(status.lastRun().ok());
        assertEquals(START + 60_000, status.lastRun().occurrence());

        now.set(START + 180_000);
        scheduler.tick();
        assertEquals(3, ticks(), "02:02 and 02:03 both passed since the last tick: only the latest runs");
        assertEquals(START + 180_000, scheduler.tasks().get(0).lastRun().occurrence());
        assertNull(scheduler.tasks().get(0).nextRun(), "02:03 is ends_on: no run after it");
        now.set(START + 3_600_000);
        scheduler.tick();
        assertEquals(3, ticks());
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("task ticker run #1 (due 2026-01-01T02:00:00Z): started"), text);
        assertTrue(text.contains("task ticker run #3 (due 2026-01-01T02:03:00Z): ok in "), text);
    }

    @Test
    void anOccurrenceDueWhileThePreviousRunIsGoingIsSkipped() {
        TaskScheduler scheduler = new TaskScheduler(interpreter(TICKER), TaskLease.ALONE, holding, log);
        now.set(START);
        scheduler.tick();
        assertEquals(1, held.size());
        assertTrue(scheduler.tasks().get(0).running());
        now.set(START + 60_000);
        scheduler.tick();
        assertEquals(1, held.size(), "02:01 comes due while 02:00 is still going");
        assertEquals(1, scheduler.tasks().get(0).skipped());
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains(
            "task ticker: skipped the run due at 2026-01-01T02:01:00Z: the previous run is still going"));
        releaseAll();
        assertFalse(scheduler.tasks().get(0).running());
        assertEquals(1, ticks());
        now.set(START + 120_000);
        scheduler.tick();
        releaseAll();
        assertEquals(2, ticks(), "once the run is over the next occurrence runs again");
    }

    @Test
    void anOccurrenceClaimedByAnotherNodeDoesNotRunHere() {
        List<String> claims = new ArrayList<>();
        TaskLease everyOther = (task, occurrence, hold) -> {
            claims.add(task + "@" + Instant.ofEpochMilli(occurrence));
            assertTrue(hold >= 60_000);
            return claims.size() % 2 == 1;
        };
        TaskScheduler scheduler = new TaskScheduler(interpreter(TICKER), everyOther, Runnable::run, log);
        for (int k = 0; k < 4; k++) {
            now.set(START + k * 60_000L);
            scheduler.tick();
        }
        assertEquals(List.of("ticker@2026-01-01T02:00:00Z", "ticker@2026-01-01T02:01:00Z", "ticker@2026-01-01T02:02:00Z",
            "ticker@2026-01-01T02:03:00Z"), claims);
        assertEquals(2, ticks());
    }

    @Test
    void theOlderScheduleFormInactiveTasksAndRunsAskedForNow() throws Exception {
        TaskScheduler scheduler = new TaskScheduler(interpreter("""
            task old_form {
              stack {
                debug.log {
                  value = "old"
                }
              }
              schedule {
                events = [{starts_on: 2026-01-01 02:00:00+0000, freq: 3600}]
              }
            }
            ---
            task paused {
              active = false
              stack {
                throw {
                  name = "Broken"
                  value = "this task fails"
                }
              }
              schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 5}]
            }
            """), TaskLease.ALONE, Runnable::run, log);
        List<TaskScheduler.Status> tasks = scheduler.tasks();
        assertEquals(START, tasks.get(0).nextRun());
        assertEquals(3_600_000, tasks.get(0).schedule().get(0).freqMillis());
        assertFalse(tasks.get(1).active());
        assertNull(tasks.get(1).nextRun());
        now.set(START + 10_000);
        scheduler.tick();
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("task old_form run #1 (due 2026-01-01T02:00:00Z): log: old"), text);
        assertFalse(text.contains("task paused run"), "an inactive task does not run on schedule");

        TaskScheduler.Run run = scheduler.runNow("paused").orElseThrow().get(10, TimeUnit.SECONDS);
        assertFalse(run.ok());
        assertTrue(run.error().contains("this task fails"), run.error());
        assertNotNull(scheduler.tasks().get(1).lastRun());
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("task paused run #2 (asked for now): failed after"));
        assertTrue(scheduler.runNow("nope").isEmpty());
    }

    @Test
    void aScheduleThatCannotBeReadIsReportedAndTheTaskStillRunsWhenAsked() throws Exception {
        TaskScheduler scheduler = new TaskScheduler(interpreter("""
            task odd {
              stack {
                debug.log {
                  value = 1
                }
              }
              schedule = [{freq: 60}]
            }
            """), TaskLease.ALONE, Runnable::run, log);
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains(
            "task odd is not scheduled: starts_on must be a timestamp like 2026-01-01 02:00:00+0000, got null (tasks.xs:"));
        assertNotNull(scheduler.tasks().get(0).problem());
        assertTrue(scheduler.runNow("odd").orElseThrow().get(10, TimeUnit.SECONDS).ok());
    }

    @Test
    void eachRunGoesThroughTheBranchsTaskMiddlewareAndOnlyTasksDo() throws Exception {
        TaskScheduler scheduler = new TaskScheduler(interpreter(TICKER + """
            ---
            branch v1 {
              middleware = {task: {pre: ["before_task"], post: ["after_task"]}, query: {pre: ["not_for_tasks"]}}
            }
            ---
            middleware before_task {
              input {
                json vars
                enum type {
                  values = ["pre", "post"]
                }
              }
              stack {
                db.add tick {
                  data = {at: 1}
                }
              }
              response = {}
            }
            ---
            middleware after_task {
              input {
                json vars
                enum type {
                  values = ["pre", "post"]
                }
              }
              stack {
                debug.log {
                  value = "after " ~ $input.type
                }
              }
              response = null
            }
            ---
            middleware not_for_tasks {
              input {
                json vars
              }
              stack {
                throw {
                  name = "Wrong"
                  value = "query middleware ran for a task"
                }
              }
            }
            """), TaskLease.ALONE, Runnable::run, log);
        now.set(START);
        scheduler.tick();
        assertEquals(2, ticks(), "the pre middleware's row and the task's own");
        TaskScheduler.Run run = scheduler.runNow("ticker").orElseThrow().get(10, TimeUnit.SECONDS);
        assertTrue(run.ok(), run.error());
        assertEquals(4, ticks());
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("task ticker run #1 (due 2026-01-01T02:00:00Z): log: after post"), text);
    }

    @Test
    void aTaskWithMiddlewareOfItsOwnRunsItInsteadOfTheBranchs() throws Exception {
        TaskScheduler scheduler = new TaskScheduler(interpreter("""
            table tick {
              schema {
                int id
                timestamp at?
              }
            }
            ---
            task ticker {
              stack {
              }
              schedule = [{starts_on: 2026-01-01 02:00:00+0000, freq: 60}]
              middleware = {pre: [{name: ""}], post: [{name: "own_after"}]}
            }
            ---
            branch v1 {
              middleware = {task: {pre: ["branch_before"], post: []}}
            }
            ---
            middleware branch_before {
              stack {
                db.add tick {
                  data = {at: 1}
                }
              }
              response = null
            }
            ---
            middleware own_after {
              stack {
                debug.log {
                  value = "own after " ~ $input.type
                }
              }
              response = null
            }
            """), TaskLease.ALONE, Runnable::run, log);
        now.set(START);
        scheduler.tick();
        assertEquals(0, ticks(), "the branch's pre middleware did not run");
        String text = logBytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("task ticker run #1 (due 2026-01-01T02:00:00Z): log: own after post"), text);
    }
}
