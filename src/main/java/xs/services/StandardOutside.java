package xs.services;

import xs.interp.Outside;
import xs.services.httpclient.JdkHttpRequests;

/**
 * The services {@code xs run}, {@code xs test} and {@code xs serve} give scripts: real HTTP
 * through java.net.http.
 * <pre>Services s = Services.of(db, sink, env, timeout).with(StandardOutside.create());</pre>
 */
public final class StandardOutside {
    /** One client for the process: its connection pools are shared by every run. */
    private static volatile JdkHttpRequests http;

    private StandardOutside() {
    }

    public static Outside create() {
        return Outside.none().withHttp(http());
    }

    private static JdkHttpRequests http() {
        JdkHttpRequests h = http;
        if (h == null) {
            synchronized (StandardOutside.class) {
                if (http == null) {
                    http = new JdkHttpRequests();
                }
                h = http;
            }
        }
        return h;
    }
}
