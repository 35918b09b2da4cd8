// Syntax of XanoScript (.xs), as the real Xano engine writes it and as the seed uses it.
//
// Shape: a file holds constructs (`function "f" {…}`, `table user {…}`, …). A construct body
// and every attribute block share one `block` rule of items: attributes (`key = value`),
// declaration blocks (`input {…}`, `schema {…}`), and statements. The AST builder decides which
// items are allowed where, so the long tail of real constructs and statements parses without a
// grammar rule each. Statements whose shape is special (conditional, switch, loops, try_catch,
// group) have named rules.
//
// Newlines are tokens (NL). xs.syntax.NewlineFilter collapses runs of them, removes them inside
// parentheses and where a line continues an expression (`&& …`, `|filter …`), so NL here only
// separates items.
parser grammar XsParser;

options { tokenVocab = XsLexer; contextSuperClass = xs.syntax.SlimContext; }

file
    : NL? (construct ((NL | NL? SEPARATOR NL?) construct)* NL? (SEPARATOR NL?)?)? EOF
    ;

// Entry for `xs eval` and backtick expressions: one expression alone.
expressionFile
    : NL? (expression | filterCall+) NL? EOF
    ;

// Entry for `xs repl`: statements and attributes without a construct around them.
snippetFile
    : NL? (item (NL item)* NL?)? EOF
    ;

construct
    : kind=constructKind header=constructName? (VERB ASSIGN verb=name)? block
    ;

constructKind
    : name (DOT name)*
    ;

// `function "utils/format"`, `table user`, and the unquoted forms of older exports:
// `query books/{book_id} verb=GET`, `workspace job-inputs`, `function $main`.
constructName
    : string
    | VAR
    | pathPart ((SLASH | MINUS) pathPart)*
    ;

pathPart
    : name
    | INT
    | LBRACE name RBRACE
    ;

// ---- blocks -------------------------------------------------------------------------------

block
    : LBRACE NL? (item (NL item)* NL?)? RBRACE
    ;

item
    : attribute                                   # attributeItem
    | (INPUT | SCHEMA) declBlock?                 # declItem
    | STACK block                                 # stackItem
    | statement                                   # statementItem
    ;

attribute
    : BANG? name ASSIGN expression
    ;

// ---- statements ---------------------------------------------------------------------------

statement
    : BANG? statementBody
    ;

statementBody
    : CONDITIONAL LBRACE NL? (attribute NL)*
          IF LPAREN expression RPAREN block
          (NL? ELSEIF LPAREN expression RPAREN block?)*
          (NL? ELSE block)?
          (NL attribute)* NL? RBRACE                              # conditionalStmt
    | SWITCH LPAREN expression RPAREN LBRACE NL? (attribute NL)*
          (caseClause NL?)*
          (DEFAULT block NL?)? RBRACE                             # switchStmt
    | loop=(FOREACH | FOR | WHILE) LPAREN expression RPAREN
          LBRACE NL? (attribute NL)* EACH (AS asTarget)? block
          (NL attribute)* NL? RBRACE                              # loopStmt
    | TRY_CATCH LBRACE NL? (attribute NL)*
          TRY block (NL? CATCH block)? (NL? FINALLY block)? NL? RBRACE # tryCatchStmt
    | GROUP LBRACE NL? (attribute NL)* STACK block
          (NL attribute)* NL? RBRACE                              # groupStmt
    | BREAK                                                       # breakStmt
    | CONTINUE                                                    # continueStmt
    | qualifiedName statementArg? (IF LPAREN expression RPAREN)?
          (VERB ASSIGN verb=name)? block? (AS asTarget)?          # genericStmt
    ;

caseClause
    : CASE LPAREN expression RPAREN block? (NL? BREAK)?
    ;

// A statement name: db.query, api.realtime_event, var, math.bitwise.and …
// The first part is never a keyword that starts a clause or a named statement.
qualifiedName
    : IDENT (DOT name)*
    | keywordStatementHead (DOT name)+
    ;

keywordStatementHead
    : GROUP | INPUT | SCHEMA | STACK | FOR | FOREACH | WHILE | IF | TRY | TRY_CATCH | CATCH | FINALLY
    | EACH | SWITCH | CONDITIONAL | DEFAULT | CASE | BREAK | CONTINUE | IN | NOT | AS | SEARCH
    ;

statementArg
    : string
    | variablePath
    | LPAREN expression? RPAREN
    | argumentWord (SLASH name)*
    ;

// A bare table or function name: any word but `if` and `as`, which follow arguments.
argumentWord
    : IDENT | INPUT | SCHEMA | STACK | FILTERS | VERB | ELSE | ELSEIF | CONDITIONAL | SWITCH | CASE
    | DEFAULT | FOREACH | FOR | WHILE | EACH | BREAK | CONTINUE | TRY_CATCH | TRY | CATCH | FINALLY
    | GROUP | IN | NOT | BETWEEN | CONTAINS | INCLUDES | LIKE | ILIKE | OVERLAPS | SEARCH
    ;

// `as $x` (or `as x` in old exports). Filters after the target apply to the result before it
// is stored: `} as $ids|get:"id":[]`.
asTarget
    : (variablePath | IDENT) filterCall*
    ;

variablePath
    : VAR accessor*
    ;

// ---- input and schema declarations --------------------------------------------------------

declBlock
    : LBRACE NL? (decl (NL decl)* NL?)? RBRACE
    ;

decl
    : BANG? type=name arraySpec? typeNullable=QUESTION? field=name
          (fieldOptional=QUESTION | QASSIGN defaultValue | ASSIGN defaultValue)?
          (FILTERS ASSIGN inputFilter (PIPE inputFilter)*)?
          block?                                                   # fieldDecl
    | BANG? type=name block                                        # unnamedDecl
    ;

arraySpec
    : LBRACK (min=INT? COLON max=INT?)? RBRACK
    ;

defaultValue
    : MINUS (INT | DECIMAL)
    | INT IDENT
    | literal
    | bareWord
    | operatorWord
    | object
    | array
    ;

operatorWord
    : IN | NOT | BETWEEN | CONTAINS | INCLUDES | LIKE | ILIKE | OVERLAPS | SEARCH
    ;

inputFilter
    : BANG? name (COLON inputFilterArg)*
    ;

inputFilterArg
    : MINUS? (INT | DECIMAL)
    | string
    | REGEX
    | TRUE | FALSE | NULL
    | bareWord
    | operatorWord
    ;

// ---- expressions --------------------------------------------------------------------------
// An expression is a flat chain of operands and binary operators; the AST builder applies
// precedence (lowest first: ??, ||, &&, comparisons and where operators and .., ~, + -, * / %).
// Keeping the chain flat and right-linked lets the grammar say exactly where a filter argument
// ends, so ANTLR never has to guess:
// - a filter argument takes every operator up to the next `|` or `:` (reference §7.3):
//   `$orders|filter:$$.status == "paid"|count` filters on the comparison, then counts;
// - after a filter with arguments only more filters may follow (its last argument took the
//   operators), so `$list|map:$$.total|sum` is `(($list|map:$$.total)|sum)`;
// - a ternary's middle part cannot end in a filter with arguments (`c ? $x|get:"a" : b` would
//   give the `:` to the filter, as Xano does); parenthesise it.

// `c ? a : b`, and the elvis form `a ?: b` (a when truthy, else b).
expression
    : chain (QUESTION then=closedChain? COLON otherwise=expression)?
    ;

chain
    : prefix* primary accessor* link?
    ;

// What follows an operand: a filter (then maybe more), or an operator and the next operand.
// No labels and no empty alternative: an operand with nothing after it makes no node at all,
// which matters because operands are the most frequent thing in a script.
link
    : PIPE BANG? name link?
    | PIPE BANG? name (COLON filterArg)+ argLink?
    | binaryOp chain
    ;

// After a filter with arguments: only more filters.
argLink
    : PIPE BANG? name link?
    | PIPE BANG? name (COLON filterArg)+ argLink?
    ;

// A chain whose filters take no arguments at its top level: the middle of a ternary.
closedChain
    : prefix* primary accessor* closedLink?
    ;

closedLink
    : PIPE BANG? name closedLink?
    | binaryOp closedChain
    ;

prefix
    : BANG | MINUS
    ;

binaryOp
    : STAR | SLASH | PERCENT | PLUS | MINUS | TILDE | AND | OR | COALESCE
    | comparisonOp QUESTION?
    | NOT? BETWEEN low=argOperand COLON
    ;

comparisonOp
    : EQ | NE | STRICT_EQ | STRICT_NE | GT | GE | LT | LE | RANGE | NOT_REGEX | JSON_CONTAINS
    | NOT? (IN | CONTAINS | INCLUDES | LIKE | ILIKE | OVERLAPS | SEARCH)
    ;

accessor
    : DOT (name | VAR | INT | DECIMAL)                                   # memberAccess
    | DOT? LBRACK expression RBRACK                                     # indexAccess
    ;

// A filter applied where no chain continues it: `(|uuid)`, and the filters after an `as` target.
filterCall
    : PIPE BANG? name (COLON filterArg)*
    ;

// A filter argument: operands and operators up to the next `|`, `:`, `,`, new line or closer.
filterArg
    : argOperand (binaryOp argOperand)*
    ;

argOperand
    : prefix* primary accessor*
    ;

// An operand. Unlabeled and with the literal tokens inline, so that `"text"` or `$x` is one node
// (a labeled alternative costs a second node, a sub-rule a third).
primary
    : INT | DECIMAL | STRING | SQ_STRING | TRIPLE_STRING | TRIPLE_SQ_STRING
    | TRUE | FALSE | NULL | NOW | TIMESTAMP
    | VAR | DOLLAR | DOLLAR2 | DOLLAR_DOT | ESCAPED_QUOTE_STRING
    | LPAREN expression RPAREN
    | LPAREN filterCall+ RPAREN
    | object
    | array
    | BACKTICK
    | TRIPLE_BACKTICK
    | callee=name LPAREN (expression (COMMA expression)*)? RPAREN
    | bareWord
    ;

literal
    : INT | DECIMAL | string | TRUE | FALSE | NULL | NOW | TIMESTAMP
    ;

string
    : STRING | SQ_STRING | TRIPLE_STRING | TRIPLE_SQ_STRING
    ;

object
    : LBRACE NL? (objectEntry ((COMMA NL? | NL) objectEntry)* COMMA? NL?)? RBRACE
    ;

objectEntry
    : BANG? objectKey COLON expression                       # keyValueEntry
    | ELLIPSIS expression                                    # spreadEntry
    ;

objectKey
    : name (DOT name)*
    | string
    | INT
    | VAR
    ;

array
    : LBRACK NL? (arrayElement ((COMMA NL? | NL) arrayElement)* COMMA? NL?)? RBRACK
    ;

// Xano writes text items of an array unquoted: `[Bill of Materials, $id]`.
arrayElement
    : ELLIPSIS? expression
    | bareWord bareWord+
    ;

// A bare word inside an expression is a string (`|sort:name:text`, `db.query user`).
bareWord
    : IDENT | INPUT | SCHEMA | STACK | FILTERS | VERB | AS | IF | ELSE | ELSEIF | CONDITIONAL
    | SWITCH | CASE | DEFAULT | FOREACH | FOR | WHILE | EACH | BREAK | CONTINUE | TRY_CATCH
    | TRY | CATCH | FINALLY | GROUP
    ;

// Any word: identifiers and every keyword (keywords are contextual). Listed flat, without
// sub-rules, because names are the most frequent node of a parse tree.
name
    : IDENT | INPUT | SCHEMA | STACK | FILTERS | VERB | AS | IF | ELSE | ELSEIF | CONDITIONAL
    | SWITCH | CASE | DEFAULT | FOREACH | FOR | WHILE | EACH | BREAK | CONTINUE | TRY_CATCH
    | TRY | CATCH | FINALLY | GROUP | TRUE | FALSE | NULL | NOW
    | IN | NOT | BETWEEN | CONTAINS | INCLUDES | LIKE | ILIKE | OVERLAPS | SEARCH
    ;
