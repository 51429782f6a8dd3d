package dev.racedet.agent.instrument;

import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Thread lifecycle hooks inside the JDK's own {@code java.lang.Thread} and (JDK 21+)
 * {@code java.lang.VirtualThread}, so every start is seen, whoever starts the thread (application
 * code, a method reference, a {@code Thread} subclass overriding {@code start()}, the JDK's executors):
 * <ul>
 * <li>{@code Thread}: before every call of {@code start0()}, {@code threadStarting(this)}
 *     (inside the start's {@code synchronized (this)}, after the status check: once per successful
 *     start); at the entry of the private {@code exit()} (the VM calls it on the dying platform
 *     thread), {@code threadExit()}; before {@code isAlive()} and {@code getState()} return,
 *     {@code aliveChecked}/{@code stateChecked} with the result (a thread seen terminated is joined);
 *     before every return of a {@code join} overload, {@code joinReturned(this)}. The VM marks a
 *     platform thread dead after {@code exit()} ran, so termination is always recorded first.</li>
 * <li>{@code VirtualThread.start(ThreadContainer)}: before {@code setThreadContainer} (after the
 *     NEW to STARTED transition succeeded), {@code threadStarting(this)};
 *     {@code VirtualThread.run(Runnable)}: at entry, the task is replaced by
 *     {@code virtualThreadTask(task)}, which records the termination after the task;
 *     {@code VirtualThread.afterYield()} (run by the carrier once the virtual thread is unmounted:
 *     parked, blocked on a monitor or waiting): at entry, {@code virtualThreadUnmounted(this)}, which
 *     gives the thread's clock slot back while it waits.</li>
 * <li>{@code jdk.internal.misc.ThreadFlock} (JDK 21+, under {@code StructuredTaskScope}): at the
 *     entry of {@code onExit(thread)}, run once the thread terminated (by the dying platform thread
 *     in {@code Thread.exit()}, or for a virtual thread after its task), {@code threadCountedOut(this,
 *     thread)}; before the returns of {@code awaitAll} (both) and {@code close},
 *     {@code containerAwaited(this)}: the owner waiting for the count is ordered after every thread
 *     counted out. A thread's own releases end at its termination, so this is the only way its work
 *     reaches the owner; the JDK's other thread bookkeeping (thread groups, the root container) stays
 *     out of it, so a dead thread is not ordered before unrelated later threads.</li>
 * <li>{@code ApplicationShutdownHooks.add(Thread)}: before its return (the hook was registered),
 *     {@code shutdownHookAdded(hook)}: the edge "registrar before hook" is recorded even where the
 *     class's monitor, through which registration and the start of the hooks synchronize, is not
 *     seen.</li>
 * <li>The program's exit status, for the {@code exitcode} option ({@code dev.racedet.runtime.ExitStatus}):
 *     in {@code java.lang.Shutdown.exit(int)}, before its call of {@code runHooks()} (reached only by
 *     the thread whose exit wins), {@code exiting(status)}; at the entry of
 *     {@code Thread.dispatchUncaughtException}, {@code uncaught(this)}.</li>
 * </ul>
 * No member is added or removed (the classes are retransformed after loading); only static calls
 * are inserted. A shape that is missing in some JDK is simply not hooked.
 */
final class JdkThreadHooks extends ClassVisitor {
    static final String THREAD = "java/lang/Thread";
    static final String VIRTUAL_THREAD = "java/lang/VirtualThread";
    static final String SHUTDOWN_HOOKS = "java/lang/ApplicationShutdownHooks";
    static final String THREAD_FLOCK = "jdk/internal/misc/ThreadFlock";
    static final String SHUTDOWN = "java/lang/Shutdown";
    /** The runtime class of the exit status hooks. */
    static final String EXIT_STATUS = "dev/racedet/runtime/ExitStatus";
    private static final String STARTING = "(Ljava/lang/Thread;)V";
    private static final String CONTAINER = "(Ljdk/internal/vm/ThreadContainer;)V";
    private static final String TASK = "(Ljava/lang/Runnable;)Ljava/lang/Runnable;";
    private static final String STATE = "Ljava/lang/Thread$State;";

    private String className;
    private int inserted;

    JdkThreadHooks(ClassVisitor next) {
        super(Opcodes.ASM9, next);
    }

    /** Whether this visitor hooks the class {@code internalName} (loaded by the bootstrap loader). */
    static boolean hooks(String internalName) {
        return THREAD.equals(internalName) || VIRTUAL_THREAD.equals(internalName)
                || SHUTDOWN_HOOKS.equals(internalName) || THREAD_FLOCK.equals(internalName)
                || SHUTDOWN.equals(internalName);
    }

    /** How many hook calls were inserted (after the class was visited). */
    int inserted() {
        return inserted;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
                      String[] interfaces) {
        className = name;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                     String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null) {
            return null;
        }
        if (THREAD.equals(className)) {
            boolean instance = (access & Opcodes.ACC_STATIC) == 0;
            if (name.equals("exit") && descriptor.equals("()V")) {
                return new AtEntry(mv, "threadExit", "()V");
            }
            if (instance && name.equals("isAlive") && descriptor.equals("()Z")) {
                return new BeforeReturn(mv, "aliveChecked", "(ZLjava/lang/Thread;)V", true);
            }
            if (instance && name.equals("getState") && descriptor.equals("()" + STATE)) {
                return new BeforeReturn(mv, "stateChecked", "(" + STATE + "Ljava/lang/Thread;)V", true);
            }
            if (instance && name.equals("join")) {
                return new BeforeReturn(mv, "joinReturned", STARTING, false);
            }
            if (instance && name.equals("dispatchUncaughtException") && descriptor.equals("(Ljava/lang/Throwable;)V")) {
                return new UncaughtAtEntry(mv);
            }
            return new BeforeStart0(mv);
        }
        if (SHUTDOWN.equals(className) && name.equals("exit") && descriptor.equals("(I)V")
                && (access & Opcodes.ACC_STATIC) != 0) {
            return new BeforeRunHooks(mv);
        }
        if (SHUTDOWN_HOOKS.equals(className) && name.equals("add") && descriptor.equals(STARTING)
                && (access & Opcodes.ACC_STATIC) != 0) {
            return new BeforeReturn(mv, "shutdownHookAdded", STARTING, false);
        }
        if (THREAD_FLOCK.equals(className) && (access & Opcodes.ACC_STATIC) == 0) {
            if (name.equals("onExit") && descriptor.equals(STARTING)) {
                return new CountedOut(mv);
            }
            if (name.equals("awaitAll") || name.equals("close") && descriptor.equals("()V")) {
                return new BeforeReturn(mv, "containerAwaited", "(Ljava/lang/Object;)V", false);
            }
        }
        if (VIRTUAL_THREAD.equals(className)) {
            if (name.equals("start") && descriptor.equals(CONTAINER)) {
                return new BeforeSetContainer(mv);
            }
            if (name.equals("run") && descriptor.equals("(Ljava/lang/Runnable;)V")
                    && (access & Opcodes.ACC_STATIC) == 0) {
                return new AtEntry(mv, "virtualThreadTask", TASK);
            }
            if (name.equals("afterYield") && descriptor.equals("()V") && (access & Opcodes.ACC_STATIC) == 0) {
                return new AtEntry(mv, "virtualThreadUnmounted", STARTING);
            }

        }
        return mv;
    }

    /** Gives a method two more stack slots once something was inserted into it. */
    private abstract class Inserting extends MethodVisitor {
        private boolean changed;

        Inserting(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        void inserted() {
            changed = true;
            inserted++;
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(changed ? maxStack + 2 : maxStack, maxLocals);
        }
    }

    /** {@code Thread}: {@code threadStarting(this)} before each {@code start0()} call. */
    private final class BeforeStart0 extends Inserting {
        BeforeStart0(MethodVisitor next) {
            super(next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKEVIRTUAL && name.equals("start0") && descriptor.equals("()V")) {
                super.visitInsn(Opcodes.DUP);                  // [t] -> [t t]
                Hooks.call(mv, Hooks.THREADS, "threadStarting", STARTING);    // -> [t]
                inserted();
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /** {@code VirtualThread.start(ThreadContainer)}: {@code threadStarting(this)} before {@code setThreadContainer}. */
    private final class BeforeSetContainer extends Inserting {
        BeforeSetContainer(MethodVisitor next) {
            super(next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKEVIRTUAL && name.equals("setThreadContainer") && descriptor.equals(CONTAINER)) {
                super.visitInsn(Opcodes.SWAP);                 // [vt c] -> [c vt]
                super.visitInsn(Opcodes.DUP_X1);               // -> [vt c vt]
                Hooks.call(mv, Hooks.THREADS, "threadStarting", STARTING);    // -> [vt c]
                inserted();
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /**
     * Before each return of an instance method ({@code this} in local 0), or of the static
     * {@code ApplicationShutdownHooks.add(hook)} (the hook in local 0): {@code hook(this)}, or
     * {@code hook(result, this)} when the hook takes the returned value.
     */
    private final class BeforeReturn extends Inserting {
        private final String hook;
        private final String descriptor;
        private final boolean passesResult;

        BeforeReturn(MethodVisitor next, String hook, String descriptor, boolean passesResult) {
            super(next);
            this.hook = hook;
            this.descriptor = descriptor;
            this.passesResult = passesResult;
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                if (passesResult) {
                    super.visitInsn(Opcodes.DUP);              // [r] -> [r r]
                }
                super.visitVarInsn(Opcodes.ALOAD, 0);          // -> [r? r? t]
                Hooks.call(mv, Hooks.THREADS, hook, descriptor); // -> [r?]
                inserted();
            }
            super.visitInsn(opcode);
        }
    }

    /** {@code ThreadFlock.onExit(thread)}: {@code threadCountedOut(this, thread)} at entry. */
    private final class CountedOut extends Inserting {
        CountedOut(MethodVisitor next) {
            super(next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);                // [] -> [flock]
            super.visitVarInsn(Opcodes.ALOAD, 1);                // -> [flock thread]
            Hooks.call(mv, Hooks.THREADS, "threadCountedOut", "(Ljava/lang/Object;Ljava/lang/Thread;)V"); // -> []
            inserted();
        }
    }

    /**
     * At method entry, a hook by its descriptor: {@code threadExit()} ({@code Thread.exit}, takes
     * nothing), {@code virtualThreadUnmounted(this)} ({@code VirtualThread.afterYield}, takes the
     * thread), or the task wrapped ({@code VirtualThread.run(Runnable)}, replaces argument 1).
     */
    private final class AtEntry extends Inserting {
        private final String hook;
        private final String descriptor;

        AtEntry(MethodVisitor next, String hook, String descriptor) {
            super(next);
            this.hook = hook;
            this.descriptor = descriptor;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (descriptor.equals(TASK)) {
                super.visitVarInsn(Opcodes.ALOAD, 1);            // [] -> [task]
                Hooks.call(mv, Hooks.THREADS, hook, TASK);       // -> [task']
                super.visitVarInsn(Opcodes.ASTORE, 1);           // -> []
            } else if (descriptor.equals(STARTING)) {
                super.visitVarInsn(Opcodes.ALOAD, 0);            // [] -> [this]
                Hooks.call(mv, Hooks.THREADS, hook, STARTING);   // -> []
            } else {
                Hooks.call(mv, Hooks.THREADS, hook, "()V");      // [] -> []
            }
            inserted();
        }
    }

    /** {@code Shutdown.exit(status)}: {@code ExitStatus.exiting(status)} before the call of {@code runHooks()}. */
    private final class BeforeRunHooks extends Inserting {
        BeforeRunHooks(MethodVisitor next) {
            super(next);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESTATIC && owner.equals(SHUTDOWN) && name.equals("runHooks")
                    && descriptor.equals("()V")) {
                super.visitVarInsn(Opcodes.ILOAD, 0);            // [] -> [status]
                Hooks.call(mv, EXIT_STATUS, "exiting", "(I)V");  // -> []
                inserted();
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    /** {@code Thread.dispatchUncaughtException(e)}: {@code ExitStatus.uncaught(this)} at entry. */
    private final class UncaughtAtEntry extends Inserting {
        UncaughtAtEntry(MethodVisitor next) {
            super(next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitVarInsn(Opcodes.ALOAD, 0);                                    // [] -> [t]
            Hooks.call(mv, EXIT_STATUS, "uncaught", "(Ljava/lang/Thread;)V");       // -> []
            inserted();
        }
    }
}
