package dev.racedet.runtime;

import dev.racedet.runtime.engine.ThreadState;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Int ids for fields, access sites and classes, assigned at instrumentation time and baked into the
 * instrumented bytecode as constants; reports turn them back into names. Registration is rare and
 * locked; lookups by id read a volatile array.
 *
 * <p>Field and class ids are keyed by name, whichever loader's code refers to them: an instance
 * field is one field for parent- and child-loaded code alike (its state lives in the object anyway).
 * Static fields and class initializations are different: two classes of one name in two loaders
 * (two web applications) have separate statics. Instrumented code therefore passes the class of the
 * instruction's owner with the name-keyed id to {@link #staticFieldIdOf} / {@link #classIdOf}, which
 * give the id of the real declaring {@code Class}: the name-keyed id for the first such class, a new
 * id for any other class of the same name.
 */
public final class Registry {
    /** A field: its declaring class (binary name, {@code Outer$Inner}) and simple name. */
    public record Field(String declaringClass, String name) {
        public String qualifiedName() {
            return declaringClass + "." + name;
        }
    }

    /**
     * One field-access instruction. {@code locationId} is shared by every site of the same field on
     * the same source line of the same method, the unit in which races are deduplicated.
     */
    public record Site(int fieldId, boolean write, String className, String method, String file, int line,
                       int locationId) {
        /** A stack-frame style location: {@code pkg.Class.method(File.java:12)}. */
        public String location() {
            return className + "." + method + "(" + file + (line > 0 ? ":" + line : "") + ")";
        }
    }

    private static final Map<String, Integer> FIELD_IDS = new HashMap<>();
    private static final Map<String, Integer> CLASS_IDS = new HashMap<>();
    private static final Map<String, Integer> LOCATION_IDS = new HashMap<>();
    private static final StateArray<DeclaringScope> FIELD_SCOPES =
            new StateArray<>(id -> new DeclaringScope(id, field(id).declaringClass(), true));
    private static final StateArray<DeclaringScope> CLASS_SCOPES =
            new StateArray<>(id -> new DeclaringScope(id, className(id), false));
    private static volatile Field[] fields = new Field[256];
    private static volatile String[] classNames = new String[256];
    private static volatile Site[] sites = new Site[1024];
    private static volatile boolean[] shadowed = new boolean[256];
    private static int fieldCount;
    private static int classCount;
    private static int siteCount;

    private Registry() {
    }

    /**
     * The id of field {@code name} of type {@code descriptor} declared by the class named
     * {@code declaringClass}. The type is part of the key: bytecode may declare two fields of one
     * name, and they must not share a state.
     */
    public static synchronized int fieldId(String declaringClass, String name, String descriptor) {
        String key = declaringClass + "." + name + ":" + descriptor;
        Integer id = FIELD_IDS.get(key);
        if (id == null) {
            id = newFieldId(new Field(declaringClass, name));
            FIELD_IDS.put(key, id);
        }
        return id;
    }

    /** The id of the class named {@code className} (binary name). */
    public static synchronized int classId(String className) {
        Integer id = CLASS_IDS.get(className);
        if (id == null) {
            id = newClassId(className);
            CLASS_IDS.put(className, id);
        }
        return id;
    }

    /**
     * Hook: the id of static field {@code fieldId} (name-keyed) as declared by the class that
     * {@code owner}, the owner of the access instruction, resolves it to. Never throws; no lock or
     * allocation once known (a {@link ClassValue} lookup).
     */
    public static int staticFieldIdOf(Class<?> owner, int fieldId) {
        // Inside racedet: the ClassValue machinery synchronizes, and that is not the program's.
        ThreadState t = null;
        try {
            t = Engine.enter();
            return FIELD_SCOPES.get(fieldId).idOf(owner);
        } catch (Throwable e) {
            InternalErrors.record("static field id", e);
            return fieldId;
        } finally {
            Engine.exit(t);
        }
    }

    /** Hook: like {@link #staticFieldIdOf}, for class ids (initialization and use of a class). */
    public static int classIdOf(Class<?> owner, int classId) {
        ThreadState t = null;
        try {
            t = Engine.enter();
            return CLASS_SCOPES.get(classId).idOf(owner);
        } catch (Throwable e) {
            InternalErrors.record("class id", e);
            return classId;
        } finally {
            Engine.exit(t);
        }
    }

    /** Registers one access instruction and returns its site id. */
    public static synchronized int siteId(int fieldId, boolean write, String className, String method,
                                          String file, int line) {
        String locationKey = fieldId + "|" + className + "|" + method + "|" + line;
        // No lambda under this lock: linking one runs JDK code that takes JDK locks (Cleaner), and a
        // hook in a thread holding such a lock may be waiting for this one (JdkFields.map)
        Integer known = LOCATION_IDS.get(locationKey);
        int locationId = known != null ? known : LOCATION_IDS.size();
        if (known == null) {
            LOCATION_IDS.put(locationKey, locationId);
        }
        int id = siteCount++;
        if (id >= sites.length) {
            sites = Arrays.copyOf(sites, sites.length * 2);
        }
        sites[id] = new Site(fieldId, write, className, method, file, line, locationId);
        return id;
    }

    /**
     * Registers a call instruction's source line, a frame of recorded stacks ({@code ContextHooks}):
     * a site with no field and no location id (races are never deduplicated on it).
     */
    public static synchronized int callSiteId(String className, String method, String file, int line) {
        int id = siteCount++;
        if (id >= sites.length) {
            sites = Arrays.copyOf(sites, sites.length * 2);
        }
        sites[id] = new Site(-1, false, className, method, file, line, -1);
        return id;
    }

    /** Records that some declaring class of {@code fieldId} got a shadow field for it at first load. */
    public static synchronized void markShadowField(int fieldId) {
        boolean[] s = shadowed;
        if (fieldId >= s.length) {
            s = Arrays.copyOf(s, Math.max(fieldId + 1, s.length * 2));
        }
        s[fieldId] = true;
        shadowed = s; // volatile write publishes the element too
    }

    public static boolean hasShadowField(int fieldId) {
        boolean[] s = shadowed;
        return fieldId < s.length && s[fieldId];
    }

    public static Field field(int fieldId) {
        return fields[fieldId];
    }

    public static Site site(int siteId) {
        return sites[siteId];
    }

    /** The site, or {@code null} for an id that names none (a torn read of another thread's events). */
    public static Site siteOrNull(int siteId) {
        Site[] s = sites;
        return siteId >= 0 && siteId < s.length ? s[siteId] : null;
    }

    private static String className(int classId) {
        return classNames[classId];
    }

    private static synchronized int newFieldId(Field field) {
        int id = fieldCount++;
        if (id >= fields.length) {
            fields = Arrays.copyOf(fields, fields.length * 2);
        }
        fields[id] = field;
        return id;
    }

    private static synchronized int newClassId(String className) {
        int id = classCount++;
        if (id >= classNames.length) {
            classNames = Arrays.copyOf(classNames, classNames.length * 2);
        }
        classNames[id] = className;
        return id;
    }

    /**
     * The ids a name-keyed field or class id stands for, per real declaring class: computed once per
     * owner class (the owner's super types are searched by name, as the JVM resolves the access),
     * then once per declaring class. Only {@code Class} methods run: no application code.
     */
    private static final class DeclaringScope extends ClassValue<Integer> {
        private final int nameKeyedId;
        private final String declaringName;
        private final boolean isField;
        /**
         * The first owner class found to map to {@link #nameKeyedId}: the common case (one class per
         * name) then costs one comparison instead of a {@link ClassValue} lookup. Weak, so no class
         * loader is kept alive; set once.
         */
        private volatile WeakReference<Class<?>> fastOwner;
        /** The declaring class that {@link #nameKeyedId} itself stands for; guarded by Registry.class. */
        private WeakReference<Class<?>> first;
        private final ClassValue<Integer> byDeclaringClass = new ClassValue<>() {
            @Override
            protected Integer computeValue(Class<?> declaring) {
                return idFor(declaring);
            }
        };

        DeclaringScope(int nameKeyedId, String declaringName, boolean isField) {
            this.nameKeyedId = nameKeyedId;
            this.declaringName = declaringName;
            this.isField = isField;
        }

        int idOf(Class<?> owner) {
            WeakReference<Class<?>> fast = fastOwner;
            if (fast != null && fast.get() == owner) {
                return nameKeyedId;
            }
            int id = get(owner);
            if (fast == null && id == nameKeyedId) {
                fastOwner = new WeakReference<>(owner);
            }
            return id;
        }

        @Override
        protected Integer computeValue(Class<?> owner) {
            Class<?> declaring = find(owner, 0);
            return declaring == null ? nameKeyedId : byDeclaringClass.get(declaring);
        }

        /** JVMS 5.4.3.2 order: the class, its superinterfaces, its superclass. */
        private Class<?> find(Class<?> type, int depth) {
            if (type == null || depth > 200) {
                return null;
            }
            if (type.getName().equals(declaringName)) {
                return type;
            }
            for (Class<?> itf : type.getInterfaces()) {
                Class<?> found = find(itf, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return find(type.getSuperclass(), depth + 1);
        }

        private int idFor(Class<?> declaring) {
            synchronized (Registry.class) {
                Class<?> claimed = first == null ? null : first.get();
                if (first == null) {
                    first = new WeakReference<>(declaring);
                    return nameKeyedId;
                }
                if (claimed == declaring) {
                    return nameKeyedId;
                }
                return isField ? newFieldId(field(nameKeyedId)) : newClassId(declaringName);
            }
        }
    }
}
