// Tokens of XanoScript (.xs).
//
// Newlines are real tokens: they end statements, attributes and declarations. The
// NewlineFilter in xs.syntax drops the ones that cannot matter (inside parentheses, before a
// line that continues an expression) so this lexer stays context-free.
//
// Keywords are contextual: every keyword below is also accepted by the parser's `name` rule,
// so `input`, `value`, `type`, `stack` ... remain usable as object keys and attribute names.
lexer grammar XsLexer;

tokens { UNTERMINATED_BLOCK }

@members {
    /** Consumes a triple-delimited block (""", ''' or ```) after its opening delimiter. */
    private void closeBlock(char quote) {
        int run = 0;
        while (true) {
            int c = _input.LA(1);
            if (c == org.antlr.v4.runtime.IntStream.EOF) {
                setType(UNTERMINATED_BLOCK);
                return;
            }
            _input.consume();
            if (c == '\\' && quote == '`' && _input.LA(1) != org.antlr.v4.runtime.IntStream.EOF) {
                _input.consume();
                run = 0;
                continue;
            }
            run = (c == quote) ? run + 1 : 0;
            if (run == 3) {
                return;
            }
        }
    }

    /** A regular expression literal only follows ':' (input filter arguments like pattern:/^a/). */
    private boolean afterColon() {
        return lastType == COLON;
    }

    private int lastType = -1;

    @Override
    public org.antlr.v4.runtime.Token emit() {
        org.antlr.v4.runtime.Token t = super.emit();
        if (t.getChannel() == org.antlr.v4.runtime.Token.DEFAULT_CHANNEL) {
            lastType = t.getType();
        }
        return t;
    }
}

// ---- layout -------------------------------------------------------------------------------
NL              : '\r'? '\n' | '\r' ;
WS              : [ \t\f\u00A0\uFEFF]+ -> skip ;
LINE_COMMENT    : '//' ~[\r\n]* -> skip ;
HASH_COMMENT    : '#' ~[\r\n]* ;

// A line of three or more dashes separates constructs in multi-document exports.
SEPARATOR       : '---' '-'* ;

// ---- literals -----------------------------------------------------------------------------
TRIPLE_STRING   : '"""' { closeBlock('"'); } ;
TRIPLE_SQ_STRING: '\'\'\'' { closeBlock('\''); } ;
TRIPLE_BACKTICK : '```' { closeBlock('`'); } ;
STRING          : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* '"' ;
SQ_STRING       : '\'' ( '\\' ~[\r\n] | ~['\\\r\n] )* '\'' ;
BACKTICK        : '`' ( '\\' . | ~[`\\] )* '`' ;
// Xano's exporter writes a text inside an array as \"text\" in some saved workspaces; read as "text".
ESCAPED_QUOTE_STRING : '\\"' ~["\\\r\n]* '\\"' ;
UNTERMINATED_STRING : '"' ( '\\' ~[\r\n] | ~["\\\r\n] )* | '\'' ( '\\' ~[\r\n] | ~['\\\r\n] )* ;
UNTERMINATED_BACKTICK : '`' ( '\\' . | ~[`\\] )* ;
TIMESTAMP       : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT
                  ( [ T] DIGIT DIGIT ':' DIGIT DIGIT ( ':' DIGIT DIGIT ( '.' DIGIT+ )? )? )?
                  ( 'Z' | [+-] DIGIT DIGIT ':'? DIGIT DIGIT )? ;
DECIMAL         : DIGIT+ '.' DIGIT+ ;
INT             : DIGIT+ ;
REGEX           : '/' ( '\\' ~[\r\n] | ~[/\\\r\n] )+ '/' [a-zA-Z]* { afterColon() }? ;

// ---- keywords (contextual: see `name` in the parser) ---------------------------------------
TRUE        : 'true' ;
FALSE       : 'false' ;
NULL        : 'null' ;
NOW         : 'now' ;
AS          : 'as' ;
IF          : 'if' ;
ELSEIF      : 'elseif' ;
ELSE        : 'else' ;
CONDITIONAL : 'conditional' ;
SWITCH      : 'switch' ;
CASE        : 'case' ;
DEFAULT     : 'default' ;
FOREACH     : 'foreach' ;
FOR         : 'for' ;
WHILE       : 'while' ;
EACH        : 'each' ;
BREAK       : 'break' ;
CONTINUE    : 'continue' ;
TRY_CATCH   : 'try_catch' ;
TRY         : 'try' ;
CATCH       : 'catch' ;
FINALLY     : 'finally' ;
GROUP       : 'group' ;
INPUT       : 'input' ;
SCHEMA      : 'schema' ;
STACK       : 'stack' ;
FILTERS     : 'filters' ;
VERB        : 'verb' ;
IN          : 'in' ;
NOT         : 'not' ;
BETWEEN     : 'between' ;
CONTAINS    : 'contains' ;
INCLUDES    : 'includes' ;
LIKE        : 'like' ;
ILIKE       : 'ilike' ;
OVERLAPS    : 'overlaps' ;
SEARCH      : 'search' ;

// ---- names --------------------------------------------------------------------------------
IDENT       : [a-zA-Z_] [a-zA-Z0-9_]* ;
DOLLAR2     : '$$' ;
VAR         : '$' [a-zA-Z_] [a-zA-Z0-9_]* ;
// `$.` with no name after it: Xano's exporter writes it for a variable reference it could not name.
DOLLAR_DOT  : '$.' { !Character.isJavaIdentifierPart(_input.LA(1)) && _input.LA(1) != '$' }? ;
DOLLAR      : '$' ;

// ---- operators and punctuation ------------------------------------------------------------
STRICT_EQ   : '===' ;
STRICT_NE   : '!==' ;
EQ          : '==' ;
NE          : '!=' ;
NOT_REGEX   : '!~' ;
GE          : '>=' ;
LE          : '<=' ;
GT          : '>' ;
LT          : '<' ;
AND         : '&&' ;
OR          : '||' ;
COALESCE    : '??' ;
JSON_CONTAINS : '@>' ;
ELLIPSIS    : '...' ;
RANGE       : '..' ;
QASSIGN     : '?=' ;
PIPE        : '|' ;
TILDE       : '~' ;
PLUS        : '+' ;
MINUS       : '-' ;
STAR        : '*' ;
SLASH       : '/' ;
PERCENT     : '%' ;
BANG        : '!' ;
QUESTION    : '?' ;
COLON       : ':' ;
ASSIGN      : '=' ;
COMMA       : ',' ;
DOT         : '.' ;
LPAREN      : '(' ;
RPAREN      : ')' ;
LBRACK      : '[' ;
RBRACK      : ']' ;
LBRACE      : '{' ;
RBRACE      : '}' ;

// Anything else is reported by the parser as a character XanoScript does not use.
UNKNOWN_CHAR : . ;

fragment DIGIT : [0-9] ;
