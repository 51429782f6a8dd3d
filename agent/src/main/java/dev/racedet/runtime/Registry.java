package dev.racedet.runtime;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Int ids for fields, access sites and classes, assigned at instrumentation time and baked into the
 * instrumented bytecode as constants; reports turn them back into names. Registration is rare and
 * locked; lookups by id read a volatile array.
 *
 * <p>Field and class ids are scoped by class loader: the same class name in two loaders is two sets
 * of static fields and two initializations.
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
    private static final WeakIdentityTable<Integer> LOADER_IDS = new WeakIdentityTable<>();
    private static volatile Field[] fields = new Field[256];
    private static volatile Site[] sites = new Site[1024];
    private static volatile boolean[] shadowed = new boolean[256];
    private static int fieldCount;
    private static int siteCount;
    private static int loaderCount;

    private Registry() {
    }

    /**
     * The id of field {@code name} of type {@code descriptor} declared by {@code declaringClass} as
     * seen from {@code loader}. The type is part of the key: bytecode may declare two fields of one
     * name, and they must not share a state.
     */
    public static synchronized int fieldId(ClassLoader loader, String declaringClass, String name, String descriptor) {
        String key = loaderId(loader) + "/" + declaringClass + "." + name + ":" + descriptor;
        Integer id = FIELD_IDS.get(key);
        if (id == null) {
            id = fieldCount++;
            FIELD_IDS.put(key, id);
            if (id >= fields.length) {
                fields = Arrays.copyOf(fields, fields.length * 2);
            }
            fields[id] = new Field(declaringClass, name);
        }
        return id;
    }

    /** The id of the class {@code className} as defined by (or seen from) {@code loader}. */
    public static synchronized int classId(ClassLoader loader, String className) {
        return CLASS_IDS.computeIfAbsent(loaderId(loader) + "/" + className, k -> CLASS_IDS.size());
    }

    /** Registers one access instruction and returns its site id. */
    public static synchronized int siteId(int fieldId, boolean write, String className, String method,
                                          String file, int line) {
        String locationKey = fieldId + "|" + className + "|" + method + "|" + line;
        int locationId = LOCATION_IDS.computeIfAbsent(locationKey, k -> LOCATION_IDS.size());
        int id = siteCount++;
        if (id >= sites.length) {
            sites = Arrays.copyOf(sites, sites.length * 2);
        }
        sites[id] = new Site(fieldId, write, className, method, file, line, locationId);
        return id;
    }

    /** Records that the declaring class of {@code fieldId} got a shadow field for it at first load. */
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

    private static int loaderId(ClassLoader loader) {
        if (loader == null) {
            return 0;
        }
        return LOADER_IDS.computeIfAbsent(loader, l -> ++loaderCount);
    }
}
