package xs.db;

import java.util.List;

/**
 * A where clause, translated by the caller from the XanoScript expression.
 *
 * <pre>where = $db.user.age &gt;= 18 &amp;&amp; ($db.user.role == "admin" || $db.user.vip)</pre>
 */
public sealed interface Condition {
    /** All parts hold; an empty list holds. */
    record And(List<Condition> parts) implements Condition {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part holds; an empty list does not. */
    record Or(List<Condition> parts) implements Condition {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(Condition inner) implements Condition {
    }

    /** A fixed outcome; {@code Always(true)} is also what an ignored {@code ==?} becomes. */
    record Always(boolean value) implements Condition {
    }

    record Compare(Operand left, Op op, Operand right) implements Condition {
    }

    /** {@code $db.product.price between 10:100} (bounds included), or {@code not between}. */
    record Between(Operand value, Operand low, Operand high, boolean negated) implements Condition {
    }
}
