package dev.racedet.agent.instrument;

import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.pool.TypePool;

/** Plugs {@link InstrumentingClassVisitor} into ByteBuddy's class writing, with expanded frames. */
final class RacedetVisitorWrapper implements AsmVisitorWrapper {
    private final ClassLoader loader;
    private final boolean checkAccesses;

    RacedetVisitorWrapper(ClassLoader loader, boolean checkAccesses) {
        this.loader = loader;
        this.checkAccesses = checkAccesses;
    }

    @Override
    public int mergeWriter(int flags) {
        return flags;
    }

    @Override
    public int mergeReader(int flags) {
        // SynchronizedMethodVisitor adds a handler frame; expanded frames let it write one F_NEW frame.
        return flags | ClassReader.EXPAND_FRAMES;
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
                             Implementation.Context implementationContext, TypePool typePool,
                             FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
                             int writerFlags, int readerFlags) {
        return new InstrumentingClassVisitor(classVisitor, new MemberResolver(typePool, instrumentedType), loader,
                checkAccesses);
    }
}
