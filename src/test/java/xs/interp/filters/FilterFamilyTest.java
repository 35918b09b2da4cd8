package xs.interp.filters;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import xs.interp.Json;
import xs.interp.XsError;

/**
 * A test of one family of filters: calls them through {@link Calls}, remembers which it called, and
 * tells its last test ({@code @Order(Integer.MAX_VALUE)}) which filters of the family have no test.
 * <pre>class MathFiltersTest extends FilterFamilyTest { MathFiltersTest() { super(MathFilters::register); } }</pre>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FilterFamilyTest {
    /** JUnit makes an instance per test method: what a class called outlives them. */
    private static final Map<Class<?>, Set<String>> CALLED = new ConcurrentHashMap<>();

    private final Consumer<FilterRegistry> family;

    FilterFamilyTest(Consumer<FilterRegistry> family) {
        this.family = family;
    }

    Object call(String name, Object subject, Object... args) {
        CALLED.computeIfAbsent(getClass(), c -> ConcurrentHashMap.newKeySet()).add(name);
        return Calls.apply(name, subject, args);
    }

    /** The result as JSON, which shows order and int-versus-decimal at once. */
    String json(String name, Object subject, Object... args) {
        return Json.write(call(name, subject, args));
    }

    /** The message of the error the call fails with, checked to name the filter. */
    String fails(String name, Object subject, Object... args) {
        String message = assertThrows(XsError.class, () -> call(name, subject, args)).getMessage();
        assertTrue(message.startsWith("filter '" + name + "': "), message);
        return message;
    }

    /** The filters of the family that no test of this class has called yet. */
    Set<String> untested() {
        FilterRegistry registry = new FilterRegistry();
        family.accept(registry);
        Set<String> untested = new TreeSet<>(registry.names());
        untested.removeAll(CALLED.getOrDefault(getClass(), Set.of()));
        return untested;
    }

    static List<Object> list(Object... items) {
        return Arrays.asList(items);
    }

    static LinkedHashMap<String, Object> obj(Object... keysAndValues) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static Object parse(String json) {
        try {
            return Json.read(json);
        } catch (Json.Malformed e) {
            throw new AssertionError(e);
        }
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
