package xs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCommandTest {
    @TempDir
    Path dir;

    static final String SUITE = """
        table "item" {
          schema {
            int id
            text name
            int qty?=0
          }
          items = [
            {id: 1, name: "apple", qty: 3}
          ]
        }
        function "total" {
          input {
            int extra?=0
          }
          stack {
            db.query "item" as $items
            db.get "item" {
              field_value = 1
              mock = {"mocked item": {qty: 100}}
            } as $first
            precondition ($input.extra >= 0) {
              error_type = "inputerror"
              error = "extra must not be negative"
            }
            db.add "item" {
              data = {name: "pear"}
            }
          }
          response = {count: $items|count, qty: ($items|map:$$.qty|sum) + $input.extra, first: $first.qty}

          test "counts seeded items" {
            input = {extra: 2}
            expect.to_equal ($response.count) { value = 1 }
            expect.to_equal ($response.qty) { value = 5 }
            expect.to_be_within ($response.qty) {
              min = 1
              max = 10
            }
          }
          test "each test has a fresh database" {
            expect.to_equal ($response.count) { value = 1 }
          }
          test "mocked item" {
            expect.to_equal ($response.first) { value = 100 }
          }
          test "negative extra fails" {
            input = {extra: -1}
            expect.to_throw { exception = "negative" }
          }
          test "wrong on purpose" {
            expect.to_equal ($response.count) { value = 2 }
          }
          test "unknown assertion" {
            expect.to_be_purple ($response)
          }
        }
        """;

    @Test
    void testBlocksSeeWhatAStackStreamedAndWhatItsPostProcessWrote() throws Exception {
        Path f = Cli.write(dir, "stream.xs", """
            table "audit" {
              schema {
                int id
                text note
              }
            }
            function "poem" {
              input {
              }
              stack {
                util.post_process {
                  stack {
                    db.add "audit" { data = {note: "streamed"} }
                  }
                }
                api.stream { value = "Two roads" }
                api.stream { value = "diverged" }
              }
              response = null

              test "the response is what it streamed" {
                expect.to_equal ($response) { value = ["Two roads", "diverged"] }
              }
              test "post-process stacks ran before the expectations" {
                db.query "audit" { return = {type: "count"} } as $audits
                expect.to_equal ($audits) { value = 1 }
              }
            }
            """);
        Cli.Result r = Cli.run("test", f.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 passed"), r.out());
    }

    @Test
    void reportsFailuresWithLineAndSummary() throws Exception {
        Path f = Cli.write(dir, "suite.xs", SUITE);
        Path report = dir.resolve("out/junit.xml");
        Cli.Result r = Cli.run("test", f.toString(), "--junit-xml", report.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals("4 passed, 2 failed", lines[lines.length - 1]);
        assertTrue(r.out().contains("suite.xs:51:5: test \"wrong on purpose\" of function \"total\" failed: expected 2, got 1"),
            r.out());
        assertTrue(r.out().contains("test \"unknown assertion\" of function \"total\" failed: unknown statement 'expect.to_be_purple'"),
            r.out());
        String xml = Files.readString(report);
        assertTrue(xml.contains("<testsuites tests=\"6\" failures=\"2\">"), xml);
        assertTrue(xml.contains("name=\"mocked item\""), xml);
        assertTrue(xml.contains("<failure message=\"expected 2, got 1\">"), xml);
    }

    @Test
    void aMockOnVarSetsTheVariable() throws Exception {
        // As in real exports: var $configured { value = $env.SECRET  mock = {"test name": "value"} }
        Path f = Cli.write(dir, "var_mock.xs", """
            function "gate" {
              input {
              }
              stack {
                var $configured {
                  value = "real"
                  mock = {"mocked": "fake", "mocked to null": null}
                }
                var $count {
                  value = 1
                }
                var.update $count {
                  value = 2
                  mock = {"mocked": 40}
                }
              }
              response = {configured: $configured, count: $count}

              test "mocked" {
                expect.to_equal ($response) { value = {configured: "fake", count: 40} }
              }
              test "mocked to null" {
                expect.to_be_null ($response.configured)
                expect.to_equal ($response.count) { value = 2 }
              }
              test "not mocked" {
                expect.to_equal ($response) { value = {configured: "real", count: 2} }
              }
            }
            """);
        Cli.Result r = Cli.run("test", f.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("3 passed, 0 failed", r.out().strip());
    }

    @Test
    void filterSelectsTests() throws Exception {
        Path f = Cli.write(dir, "suite.xs", SUITE);
        Cli.Result r = Cli.run("test", f.toString(), "--filter", "mocked");
        assertEquals(0, r.code(), r.out());
        assertEquals("1 passed, 0 failed", r.out().strip());
    }

    @Test
    void aRunInWhichNoTestRanFails() throws Exception {
        Path f = Cli.write(dir, "suite.xs", SUITE);
        Cli.Result r = Cli.run("test", f.toString(), "--filter", "no such test");
        assertEquals(1, r.code(), r.out());
        assertEquals("no tests ran: no test name or construct contains \"no such test\"", r.out().strip());

        Path plain = Cli.write(dir, "plain/f.xs", "function \"f\" {\n  stack {\n  }\n  response = 1\n}\n");
        Cli.Result none = Cli.run("test", plain.toString());
        assertEquals(1, none.code(), none.out());
        assertEquals("no tests ran: the scripts have no test blocks", none.out().strip());
    }

    @Test
    void theJunitReportIsWrittenWhenTheScriptsDoNotLoad() throws Exception {
        Path f = Cli.write(dir, "broken.xs", "functoin \"f\" {\n  stack {\n  }\n}\n");
        Path report = dir.resolve("reports/junit.xml");
        Cli.Result r = Cli.run("test", f.toString(), "--junit-xml", report.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("unknown construct 'functoin'"), r.err());
        String xml = Files.readString(report);
        assertTrue(xml.contains("<testsuites tests=\"1\" failures=\"1\">"), xml);
        assertTrue(xml.contains("<testcase classname=\"xs check\" name=\"the scripts load\""), xml);
        assertTrue(xml.contains("<failure message=\"1 error in the scripts; no test ran\">"), xml);
        assertTrue(xml.contains("broken.xs:1:1: error[XS0219]: unknown construct 'functoin'"), xml);
    }

    @Test
    void testsRunAsTheUserGiven() throws Exception {
        Path f = Cli.write(dir, "me.xs", """
            function "me" {
              input {
              }
              stack {
              }
              response = {id: $auth.id, role: $auth.extras.role}

              test "knows the caller" {
                expect.to_equal ($response.id) { value = 7 }
                expect.to_equal ($response.role) { value = "admin" }
              }
            }
            """);
        Cli.Result anonymous = Cli.run("test", f.toString());
        assertEquals(1, anonymous.code(), "without --user $auth is empty: " + anonymous.out());
        Cli.Result r = Cli.run("test", f.toString(), "--user", "7", "--extras", "{\"role\": \"admin\"}");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("1 passed, 0 failed", r.out().strip());
        Cli.Result extrasAlone = Cli.run("test", f.toString(), "--extras", "{}");
        assertEquals(2, extrasAlone.code());
        assertTrue(extrasAlone.err().contains("--extras needs --user"), extrasAlone.err());
    }
}
