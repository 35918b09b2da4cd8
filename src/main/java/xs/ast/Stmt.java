package xs.ast;

/**
 * A statement of a stack. Named records exist for the statements whose shape is special
 * (conditional, switch, loops, try_catch, group, break, continue); every other statement is a
 * {@link GenericStmt} ({@code db.query "t" {…} as $rows}).
 */
public sealed interface Stmt extends Member
        permits GenericStmt, ConditionalStmt, SwitchStmt, LoopStmt, TryCatchStmt, GroupStmt, BreakStmt, ContinueStmt {

    /** Written with a leading {@code !}: kept in the file, never run. */
    boolean disabled();

    <R> R accept(StmtVisitor<R> visitor);
}
