package dev.racedet.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Resolves what a field or method instruction of the class being transformed refers to, through
 * {@link ClassInfos} (class files are read, never loaded). Anything it cannot resolve (a class
 * missing from the class path, an optional dependency) comes back as {@code null} or {@code false},
 * and the instruction is left as it was: unresolvable accesses are not checked, which can only miss
 * races, never report false ones. One resolver serves one transformation, on one thread.
 */
final class MemberResolver {
    /** A resolved field: the class that declares it (binary name), its type and its modifiers. */
    record Field(String declaringClass, String descriptor, int access) {
        boolean isStatic() {
            return (access & Opcodes.ACC_STATIC) != 0;
        }

        boolean isVolatile() {
            return (access & Opcodes.ACC_VOLATILE) != 0;
        }

        boolean isFinal() {
            return (access & Opcodes.ACC_FINAL) != 0;
        }

        /** Compiler- or tool-generated (JaCoCo's {@code $jacocoData}, javac's {@code this$0}). */
        boolean isSynthetic() {
            return (access & Opcodes.ACC_SYNTHETIC) != 0;
        }
    }

    private static final Field UNRESOLVED = new Field("", "", 0);

    private final ClassInfos infos;
    private final ClassLoader loader;
    private final boolean mayRead;
    private final Map<String, Field> fields = new HashMap<>();
    private final Map<String, Boolean> subtypes = new HashMap<>();

    /** @param mayRead whether class files may be read through {@code loader} (see {@link ClassInfos#find}) */
    MemberResolver(ClassInfos infos, ClassLoader loader, boolean mayRead) {
        this.infos = infos;
        this.loader = loader;
        this.mayRead = mayRead;
    }

    /** The field {@code owner.name} of type {@code descriptor}, looked up as the JVM would, or null. */
    Field field(String owner, String name, String descriptor) {
        String key = owner + "." + name + ":" + descriptor;
        Field f = fields.get(key);
        if (f == null) {
            f = search(owner, name, descriptor, 0);
            fields.put(key, f == null ? UNRESOLVED : f);
        }
        return f == UNRESOLVED ? null : f;
    }

    /** Whether the class {@code owner} (internal name) is {@code type} or a subtype of it. */
    boolean isSubtype(String owner, Class<?> type) {
        String target = type.getName().replace('.', '/');
        return subtypes.computeIfAbsent(owner + "<" + target, k -> isSubtype(owner, target, 0));
    }

    /** JVMS 5.4.3.2: the class itself, then its superinterfaces, then its superclass. */
    private Field search(String className, String name, String descriptor, int depth) {
        ClassInfo info = depth > 200 ? null : infos.find(loader, className, mayRead);
        if (info == null) {
            return null; // unknown: the field may be declared there, so nothing below can be trusted
        }
        ClassInfo.FieldInfo declared = info.field(name, descriptor);
        if (declared != null) {
            return new Field(info.name().replace('/', '.'), descriptor, declared.access());
        }
        for (String itf : info.interfaces()) {
            Field found = search(itf, name, descriptor, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return info.superName() == null ? null : search(info.superName(), name, descriptor, depth + 1);
    }

    private boolean isSubtype(String className, String target, int depth) {
        if (className.equals(target)) {
            return true;
        }
        ClassInfo info = depth > 200 ? null : infos.find(loader, className, mayRead);
        if (info == null) {
            return false;
        }
        for (String itf : info.interfaces()) {
            if (isSubtype(itf, target, depth + 1)) {
                return true;
            }
        }
        return info.superName() != null && isSubtype(info.superName(), target, depth + 1);
    }
}
