package xs.diag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable result of {@code xs check --format json}: one document with counts and
 * every diagnostic, for editors and CI.
 */
public final class JsonReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(int files, List<Diagnostic> diagnostics) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("files", files);
        doc.put("errors", diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count());
        doc.put("warnings", diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            list.add(entry(d));
        }
        doc.put("diagnostics", list);
        try {
            return JSON.writeValueAsString(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON report", e);
        }
    }

    public static Map<String, Object> entry(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", d.span() == null ? null : d.span().source().name());
        m.put("line", d.span() == null ? 0 : d.span().line());
        m.put("column", d.span() == null ? 0 : d.span().column());
        m.put("endLine", d.span() == null ? 0 : d.span().endLine());
        m.put("endColumn", d.span() == null ? 0 : d.span().endColumn());
        m.put("severity", d.severity().label());
        m.put("code", d.code().name());
        m.put("message", d.message());
        return m;
    }
}
