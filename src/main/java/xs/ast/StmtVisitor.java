package xs.ast;

/** One method per kind of statement; the interpreter and the checker implement it. */
public interface StmtVisitor<R> {
    R visitGeneric(GenericStmt s);

    R visitConditional(ConditionalStmt s);

    R visitSwitch(SwitchStmt s);

    R visitLoop(LoopStmt s);

    R visitTryCatch(TryCatchStmt s);

    R visitGroup(GroupStmt s);

    R visitBreak(BreakStmt s);

    R visitContinue(ContinueStmt s);
}
