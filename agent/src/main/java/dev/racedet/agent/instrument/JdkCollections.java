package dev.racedet.agent.instrument;

import java.util.Set;

/**
 * The non-thread-safe collections of the JDK whose unsynchronized concurrent use racedet reports:
 * the plain instance fields these classes declare (sizes, counts, tables, links, mod counts) are
 * checked in JDK code, but only while the thread is inside a call made from checked application code
 * to a collection method ({@link CollectionCallVisitor}). That call site is the location reported,
 * so a report names the application lines that used the collection, and the JDK's internal use of
 * the same classes (class loading, caches) is never checked.
 */
final class JdkCollections {
    private static final Set<String> DECLARING = Set.of(
            "java/util/HashMap", "java/util/HashMap$Node", "java/util/HashMap$TreeNode", "java/util/HashSet",
            "java/util/LinkedHashMap", "java/util/LinkedHashMap$Entry", "java/util/TreeMap",
            "java/util/TreeMap$Entry", "java/util/AbstractMap", "java/util/AbstractList", "java/util/ArrayList",
            "java/util/LinkedList", "java/util/LinkedList$Node", "java/util/ArrayDeque", "java/util/PriorityQueue",
            "java/lang/AbstractStringBuilder");
    /**
     * Fields that cache a view of the collection (`keySet()`, `values()`, `entrySet()`...): created
     * lazily by whichever reader asks first, a race the JDK tolerates by design (views are
     * stateless), and concurrent reading of an unmodified collection is allowed.
     */
    private static final Set<String> VIEW_CACHES = Set.of("keySet", "values", "entrySet", "navigableKeySet",
            "descendingMap");
    /** Types whose methods, called from checked code, mark a collection call (classes and interfaces). */
    private static final Set<String> CALLED = Set.of(
            "java/util/Map", "java/util/SortedMap", "java/util/NavigableMap", "java/util/SequencedMap",
            "java/util/Collection", "java/util/List", "java/util/Set", "java/util/SortedSet",
            "java/util/NavigableSet", "java/util/SequencedSet", "java/util/SequencedCollection",
            "java/util/Queue", "java/util/Deque", "java/util/Iterator", "java/util/ListIterator",
            "java/lang/Iterable", "java/util/AbstractMap", "java/util/AbstractCollection",
            "java/util/AbstractList", "java/util/AbstractSequentialList", "java/util/AbstractSet",
            "java/util/AbstractQueue", "java/util/HashMap", "java/util/HashSet", "java/util/LinkedHashMap",
            "java/util/LinkedHashSet", "java/util/TreeMap", "java/util/TreeSet", "java/util/ArrayList",
            "java/util/LinkedList", "java/util/ArrayDeque", "java/util/PriorityQueue", "java/lang/StringBuilder",
            "java/lang/AbstractStringBuilder", "java/lang/Appendable", "java/lang/CharSequence");

    private JdkCollections() {
    }

    /** Whether plain fields declared by {@code declaringClass} (binary name with dots) are checked. */
    private static boolean declares(String declaringClass) {
        return DECLARING.contains(declaringClass.replace('.', '/'));
    }

    /** Whether the plain field {@code name} declared by {@code declaringClass} is checked. */
    static boolean checks(String declaringClass, String name) {
        return declares(declaringClass) && !VIEW_CACHES.contains(name);
    }

    /** Whether a call to a method of {@code owner} (internal name) from checked code is a collection call. */
    static boolean isCollectionType(String owner) {
        return CALLED.contains(owner);
    }
}
