package xs.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a request is meant for this machine: its {@code Host} names localhost, a loopback
 * address, the address the server listens on, or (listening on every address) one of this
 * machine's own addresses, with or without a port. A page on another domain whose name was
 * pointed at 127.0.0.1 (DNS rebinding) sends its own name and is refused, so it cannot read the
 * console. No name is ever looked up: only literal addresses are compared.
 * <pre>Host: localhost:8080 ✓   Host: 127.0.0.1 ✓   Host: [::1]:8080 ✓   Host: evil.example ✗</pre>
 */
final class ThisMachine {
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]]+)(:\\d{1,5})?");

    /** The host the server was started with ({@code --host}), lower case. */
    private final String bound;
    private final boolean everyAddress;

    ThisMachine(String boundHost) {
        this.bound = boundHost.toLowerCase(Locale.ROOT);
        InetAddress any = literal(boundHost);
        this.everyAddress = any != null && any.isAnyLocalAddress();
    }

    /** Whether the request's Host header names this machine. */
    boolean named(HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        return host != null && named(host);
    }

    boolean named(String hostHeader) {
        Matcher m = HOST.matcher(hostHeader.trim());
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (DevTokens.loopbackName(name)) {
            return true;
        }
        String bare = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
        if (bare.equals(bound) || name.equals(bound)) {
            return true;
        }
        InetAddress address = literal(bare);
        if (address == null) {
            return false;
        }
        InetAddress boundAddress = literal(bound);
        if (address.equals(boundAddress)) {
            return true;
        }
        try {
            return everyAddress && NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Whether the client is on this machine. */
    static boolean localClient(HttpServerExchange exchange) {
        InetSocketAddress source = exchange.getSourceAddress();
        return source != null && source.getAddress() != null && source.getAddress().isLoopbackAddress();
    }

    /** The address written in {@code text}, or null when it is a name (never looked up). */
    private static InetAddress literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!t.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !(t.contains(":") && t.matches("[0-9a-fA-F:.]+"))) {
            return null;
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
