package dev.racedet.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What racedet needs to know about a class it does not load: its name, super types, and declared
 * fields, read from the class file. Immutable and shared across transformations.
 *
 * @param name internal name ({@code com/acme/Outer$Inner})
 * @param superName internal name of the superclass, {@code null} for {@code java/lang/Object}
 * @param interfaces internal names of the direct superinterfaces
 * @param fields the declared fields, in class file order
 * @param hasRacedetMembers whether the class already declares a member named {@code racedet$...}
 */
record ClassInfo(String name, String superName, List<String> interfaces, List<FieldInfo> fields,
                 boolean hasRacedetMembers) {

    /** A declared field: name, descriptor and access flags ({@code ACC_STATIC}, {@code ACC_VOLATILE}, ...). */
    record FieldInfo(String name, String descriptor, int access) {
        boolean is(int flag) {
            return (access & flag) != 0;
        }
    }

    /** Reads the class file behind {@code reader} (no code, no debug information). */
    static ClassInfo of(ClassReader reader) {
        List<FieldInfo> fields = new ArrayList<>();
        boolean[] racedetMembers = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                fields.add(new FieldInfo(name, descriptor, access));
                racedetMembers[0] |= name.startsWith(ShadowFieldPlan.PREFIX);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                racedetMembers[0] |= name.startsWith(ShadowFieldPlan.PREFIX);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassInfo(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()),
                List.copyOf(fields), racedetMembers[0]);
    }

    /** The declared field {@code name} of type {@code descriptor}, or {@code null}. */
    FieldInfo field(String fieldName, String descriptor) {
        for (FieldInfo f : fields) {
            if (f.name().equals(fieldName) && f.descriptor().equals(descriptor)) {
                return f;
            }
        }
        return null;
    }
}
