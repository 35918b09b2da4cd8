package xs.ast;

/** An expression: a value written in a script, such as {@code $list|map:$$.total|sum}. */
public sealed interface Expr extends Node
        permits Literal, NowExpr, VarExpr, MemberExpr, IndexExpr, UnaryExpr, BinaryExpr, BetweenExpr,
        TernaryExpr, FilterExpr, ObjectExpr, ArrayExpr, SpreadExpr {

    <R> R accept(ExprVisitor<R> visitor);
}
