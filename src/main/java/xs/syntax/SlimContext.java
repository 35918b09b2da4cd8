package xs.syntax;

import java.util.ArrayList;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * The base of every parse-tree node the generated parser makes (the grammar's
 * {@code contextSuperClass}). Most nodes have one to four children; ANTLR's default list
 * starts at ten slots, and those empty slots were a large share of what parsing allocates.
 */
public class SlimContext extends ParserRuleContext {
    public SlimContext() {
    }

    public SlimContext(ParserRuleContext parent, int invokingState) {
        super(parent, invokingState);
    }

    @Override
    public <T extends ParseTree> T addAnyChild(T t) {
        if (children == null) {
            children = new ArrayList<>(4);
        }
        children.add(t);
        return t;
    }
}
