package xs.check;

import java.util.List;
import java.util.Set;
import xs.ast.Attribute;
import xs.ast.BinaryExpr;
import xs.ast.BinaryOp;
import xs.ast.Construct;
import xs.ast.Expr;
import xs.ast.GenericStmt;
import xs.ast.Literal;
import xs.ast.Members;
import xs.ast.ObjectExpr;
import xs.ast.Program;
import xs.diag.Code;
import xs.diag.Diagnostic;
import xs.diag.Suggest;
import xs.interp.ChannelConfig;
import xs.interp.ChannelDirectory;

/**
 * Checks realtime declarations: the settings of each realtime_channel (known keys, true/false
 * flags, a message_history Xano offers), triggers that listen on no declared channel, and
 * events sent to a channel nothing declares.
 */
final class ChannelCheck {
    private static final Set<String> TOP = Set.of("description", "active", "public_messaging", "private_messaging",
        "settings", "guid", "tags", "history");
    private static final Set<String> MESSAGING = Set.of("active", "auth");
    private static final Set<String> SETTINGS = Set.of("anonymous_clients", "nested_channels", "message_history",
        "auth_channel", "presence");
    private static final Set<Long> HISTORY = Set.of(0L, 25L, 50L, 100L, 250L, 1000L);

    private final ChannelDirectory directory;

    ChannelCheck(Program program) {
        this.directory = ChannelDirectory.of(program);
    }

    void construct(Construct c, List<Diagnostic> out) {
        if (c.kind().equals("realtime_channel")) {
            channel(c, out);
        } else if (c.kind().equals("realtime_trigger")) {
            trigger(c, out);
        }
    }

    private void channel(Construct c, List<Diagnostic> out) {
        for (Attribute a : Members.attributes(c.members())) {
            if (!TOP.contains(a.key())) {
                out.add(Diagnostic.error(Code.XS0209, a.keySpan(), "realtime_channel has no setting '" + a.key() + "'"
                    + Suggest.didYouMean(a.key(), TOP)));
                continue;
            }
            switch (a.key()) {
                case "active" -> flag(a.key(), a.value(), out);
                case "public_messaging", "private_messaging" -> object(a, MESSAGING, out);
                case "settings" -> object(a, SETTINGS, out);
                default -> {
                }
            }
        }
    }

    private void object(Attribute a, Set<String> keys, List<Diagnostic> out) {
        if (!(a.value() instanceof ObjectExpr o)) {
            out.add(Diagnostic.error(Code.XS0209, a.value().span(), a.key() + " must be an object such as { "
                + String.join(": …, ", keys.stream().sorted().toList()) + ": … }"));
            return;
        }
        for (ObjectExpr.Entry e : o.entries()) {
            if (e.isSpread() || !keys.contains(e.key())) {
                out.add(Diagnostic.error(Code.XS0209, e.span(), a.key() + " has no setting '" + e.key() + "'"
                    + (e.key() == null ? "" : Suggest.didYouMean(e.key(), keys))));
            } else if (e.key().equals("message_history")) {
                if (!(e.value() instanceof Literal l && l.value() instanceof Long n && HISTORY.contains(n))) {
                    out.add(Diagnostic.error(Code.XS0208, e.value().span(),
                        "message_history must be one of 0, 25, 50, 100, 250, 1000"));
                }
            } else {
                flag(a.key() + "." + e.key(), e.value(), out);
            }
        }
    }

    private static void flag(String name, Expr value, List<Diagnostic> out) {
        if (!(value instanceof Literal l && l.value() instanceof Boolean)) {
            out.add(Diagnostic.error(Code.XS0210, value.span(), name + " must be true or false"));
        }
    }

    private void trigger(Construct c, List<Diagnostic> out) {
        Expr channel = c.attribute("channel").orElse(null);
        if (channel == null) {
            out.add(Diagnostic.error(Code.XS0215, c.kindSpan(), c.title() + " needs a channel = \"…\""));
            return;
        }
        if (!(channel instanceof Literal l && l.value() instanceof String name)) {
            return;
        }
        String pattern = name.contains("|") ? name.substring(name.indexOf('|') + 1) : name;
        boolean declared = directory.all().stream().anyMatch(cfg -> cfg.pattern().equals(pattern))
            || directory.match(pattern).isPresent();
        if (!declared) {
            out.add(Diagnostic.warning(Code.XS0211, channel.span(), c.title() + " listens on \"" + pattern
                + "\", which no realtime_channel declares, so it never fires"));
        }
    }

    void event(GenericStmt g, List<Diagnostic> out) {
        Expr channel = g.attribute("channel").orElse(null);
        if (channel == null || directory.isEmpty()) {
            return;
        }
        if (channel instanceof Literal l && l.value() instanceof String name) {
            if (directory.match(name).isEmpty()) {
                out.add(Diagnostic.warning(Code.XS0217, channel.span(), "no realtime_channel matches \"" + name
                    + "\": this event fails when sent"));
            }
            return;
        }
        String prefix = prefix(channel);
        if (prefix != null && !prefix.isEmpty() && directory.all().stream().noneMatch(cfg -> couldMatch(cfg, prefix))) {
            out.add(Diagnostic.warning(Code.XS0217, channel.span(), "no realtime_channel matches channels starting with \""
                + prefix + "\": this event fails when sent"));
        }
    }

    /** The literal start of {@code "room:" ~ $id}, or null when it does not start with one. */
    private static String prefix(Expr e) {
        Expr at = e;
        while (at instanceof BinaryExpr b && b.op() == BinaryOp.CONCAT) {
            at = b.left();
        }
        return at != e && at instanceof Literal l && l.value() instanceof String s ? s : null;
    }

    private static boolean couldMatch(ChannelConfig cfg, String prefix) {
        String literal = cfg.pattern().substring(0, cfg.literalPrefix());
        boolean wild = cfg.pattern().contains("*") || cfg.nestedChannels();
        return wild ? prefix.startsWith(literal) || literal.startsWith(prefix) : cfg.pattern().startsWith(prefix);
    }
}
