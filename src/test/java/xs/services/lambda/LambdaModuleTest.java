package xs.services.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a lambda's code becomes a module: imports moved up, lines kept, required names found. */
class LambdaModuleTest {
    @Test
    void codeKeepsItsLinesAfterTheTwoHeaderLines() {
        LambdaModule m = LambdaModule.of("const a = 1;\nreturn a;");
        List<String> lines = m.text().lines().toList();
        assertEquals("", lines.get(0));
        assertTrue(lines.get(1).startsWith("export default async function (__xs)"), lines.get(1));
        assertEquals("const a = 1;", lines.get(2));
        assertEquals("return a;", lines.get(3));
        assertEquals(2, m.codeLine(4, 1));
        assertEquals(0, m.codeLine(2, 5));
    }

    @Test
    void staticImportsMoveToTheFirstLineAndLeaveTheirLinesBlank() {
        String code = "const x = 1;\nimport dayjs from \"npm:dayjs@1\";\nimport {\n  join,\n  sep\n} from 'node:path'\n"
            + "import * as fs from \"node:fs\";\nconst m = await import(\"npm:chalk\");\nreturn import.meta.url;";
        LambdaModule m = LambdaModule.of(code);
        List<String> lines = m.text().lines().toList();
        assertEquals("import dayjs from \"npm:dayjs@1\"; import { join, sep } from 'node:path'; "
            + "import * as fs from \"node:fs\"; ", lines.get(0));
        assertEquals("const x = 1;", lines.get(2));
        assertEquals("", lines.get(3));
        assertEquals("", lines.get(4));
        assertEquals("", lines.get(7));
        assertEquals("", lines.get(8));
        assertEquals("const m = await import(\"npm:chalk\");", lines.get(9));
        assertEquals("return import.meta.url;", lines.get(10));
        // A column of line 1 maps back to the line the import was written on.
        assertEquals(2, m.codeLine(1, 1));
        assertEquals(3, m.codeLine(1, lines.get(0).indexOf("{ join") + 1));
        assertEquals(7, m.codeLine(1, lines.get(0).indexOf("* as fs") + 1));
    }

    @Test
    void requiredPackagesAreNamedForPreloadingButRelativePathsAreNot() {
        LambdaModule m = LambdaModule.of("const _ = require('lodash');\nconst c = require(\"node:crypto\");\n"
            + "const mine = require('./mine');\nconst dyn = require(name);");
        assertTrue(m.text().contains("await __xs.require([\"lodash\",\"node:crypto\"])"), m.text());
    }

    @Test
    void wordsThatOnlyLookLikeImportsStay() {
        String code = "const important = 1;\n// import x from 'y'\nreturn important;";
        LambdaModule m = LambdaModule.of(code);
        assertEquals("", m.text().lines().findFirst().orElseThrow());
        assertFalse(m.text().lines().skip(1).findFirst().orElseThrow().contains("import x"));
        assertTrue(m.text().contains("// import x from 'y'"));
    }

    @Test
    void theNameDependsOnTheCode() {
        assertEquals(LambdaModule.of("return 1;").name(), LambdaModule.of("return 1;").name());
        assertNotEquals(LambdaModule.of("return 1;").name(), LambdaModule.of("return 2;").name());
        assertTrue(LambdaModule.of("return 1;").name().matches("l-[0-9a-f]{24}\\.ts"));
    }
}
