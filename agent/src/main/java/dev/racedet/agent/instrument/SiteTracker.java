package dev.racedet.agent.instrument;

import dev.racedet.runtime.Registry;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Where in the source the method being instrumented currently is, for registering access sites.
 * {@link #attach} puts a visitor in front of the chain that follows the line number table and gives
 * the method the few extra stack slots the inserted hooks need (the hooks only shuffle and push ints,
 * so the original stack map frames stay valid).
 */
final class SiteTracker {
    /** The most any inserted group pushes above the original stack: see the visitors' comments. */
    static final int EXTRA_STACK = 6;

    private final String className;
    private final String method;
    private final String file;
    private int line = -1;

    SiteTracker(String className, String method, String file) {
        this.className = className;
        this.method = method;
        this.file = file;
    }

    /** Registers the access at the current line and returns its site id. */
    int site(int fieldId, boolean write) {
        return Registry.siteId(fieldId, write, className, method, file, line);
    }

    MethodVisitor attach(MethodVisitor chain) {
        return new MethodVisitor(Opcodes.ASM9, chain) {
            @Override
            public void visitLineNumber(int lineNumber, Label start) {
                line = lineNumber;
                super.visitLineNumber(lineNumber, start);
            }

            @Override
            public void visitMaxs(int maxStack, int maxLocals) {
                super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
            }
        };
    }
}
