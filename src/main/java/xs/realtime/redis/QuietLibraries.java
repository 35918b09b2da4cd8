package xs.realtime.redis;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Lettuce, Netty and Reactor from writing their own lines into the {@code xs serve} log:
 * the broker reports losing and regaining Redis itself, in one line each. Without this a Redis
 * outage prints two JDK-logging lines per reconnection attempt. (Reactor logs through slf4j,
 * which the slf4j-nop binding in the pom keeps quiet.)
 */
final class QuietLibraries {
    /** java.util.logging holds loggers weakly: these references keep the levels set here. */
    private static final List<Logger> KEPT = new ArrayList<>();

    private QuietLibraries() {
    }

    static synchronized void apply() {
        if (!KEPT.isEmpty()) {
            return;
        }
        InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
        for (String name : new String[] {"io.lettuce", "io.netty", "reactor"}) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.SEVERE);
            KEPT.add(logger);
        }
    }
}
