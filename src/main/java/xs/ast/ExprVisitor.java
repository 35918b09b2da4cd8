package xs.ast;

/** One method per kind of expression. */
public interface ExprVisitor<R> {
    R visitLiteral(Literal e);

    R visitNow(NowExpr e);

    R visitVar(VarExpr e);

    R visitMember(MemberExpr e);

    R visitIndex(IndexExpr e);

    R visitUnary(UnaryExpr e);

    R visitBinary(BinaryExpr e);

    R visitBetween(BetweenExpr e);

    R visitTernary(TernaryExpr e);

    R visitFilter(FilterExpr e);

    R visitObject(ObjectExpr e);

    R visitArray(ArrayExpr e);

    R visitSpread(SpreadExpr e);
}
