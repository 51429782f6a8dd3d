package dev.racedet.agent.instrument;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Resolves what a field or method instruction refers to, through the transformation's TypePool
 * (class files are read, never loaded). Anything it cannot resolve comes back as {@code null} or
 * {@code false}, and the instruction is left as it was.
 */
final class MemberResolver {
    /** A resolved field: the class that declares it (binary name), its type and its modifiers. */
    record Field(String declaringClass, String descriptor, boolean isStatic, boolean isVolatile, boolean isFinal) {
    }

    private final TypePool pool;
    private final TypeDescription self;
    private final Map<String, Field> fields = new HashMap<>();
    private final Map<String, Boolean> subtypes = new HashMap<>();

    MemberResolver(TypePool pool, TypeDescription self) {
        this.pool = pool;
        this.self = self;
    }

    /** The field {@code owner.name} of type {@code descriptor}, looked up as the JVM would. */
    Field field(String owner, String name, String descriptor) {
        return fields.computeIfAbsent(owner + "." + name + ":" + descriptor, k -> lookUp(owner, name, descriptor));
    }

    /** Whether the class {@code owner} (internal name) is {@code type} or a subtype of it. */
    boolean isSubtype(String owner, Class<?> type) {
        return subtypes.computeIfAbsent(owner + "<" + type.getName(), k -> {
            TypeDescription t = describe(owner);
            return t != null && safeIsAssignable(t, type);
        });
    }

    private Field lookUp(String owner, String name, String descriptor) {
        try {
            TypeDescription type = describe(owner);
            return type == null ? null : search(type, name, descriptor);
        } catch (RuntimeException unresolvable) {
            return null; // a super type is missing: leave the access alone
        }
    }

    /** JVMS 5.4.3.2: the class itself, then its interfaces, then its superclass. */
    private static Field search(TypeDefinition type, String name, String descriptor) {
        for (FieldDescription.InDefinedShape f : type.asErasure().getDeclaredFields()) {
            if (f.getName().equals(name) && f.getDescriptor().equals(descriptor)) {
                return new Field(type.asErasure().getName(), descriptor, f.isStatic(), f.isVolatile(), f.isFinal());
            }
        }
        for (TypeDefinition itf : type.getInterfaces()) {
            Field found = search(itf, name, descriptor);
            if (found != null) {
                return found;
            }
        }
        TypeDefinition superClass = type.getSuperClass();
        return superClass == null ? null : search(superClass, name, descriptor);
    }

    private TypeDescription describe(String internalName) {
        String name = internalName.replace('/', '.');
        if (name.equals(self.getName())) {
            return self;
        }
        TypePool.Resolution resolution = pool.describe(name);
        return resolution.isResolved() ? resolution.resolve() : null;
    }

    private static boolean safeIsAssignable(TypeDescription t, Class<?> type) {
        try {
            return t.isAssignableTo(type);
        } catch (RuntimeException unresolvable) {
            return false;
        }
    }
}
