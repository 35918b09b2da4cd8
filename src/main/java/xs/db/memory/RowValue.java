package xs.db.memory;

/** A value computed from one stored row: a column, a json path into it, filtered, or a constant. */
@FunctionalInterface
interface RowValue {
    Object of(Object[] row);
}
