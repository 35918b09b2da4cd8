package xs.realtime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose tests share one {@link TestHub} of {@code tests/realtime/hub}, started before the
 * first test and closed after the last; each test keeps to channels of its own.
 * <pre>class TriggerTest extends SharedHubTest { @Test void t() { hub.user("1").joined("gate:ok"); } }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedHubTest {
    TestHub hub;

    @BeforeAll
    void startHub() {
        hub = TestHub.start();
    }

    @AfterAll
    void stopHub() {
        hub.close();
    }
}
