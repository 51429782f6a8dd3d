package dev.racedet.runtime.engine;

import java.util.Arrays;

/**
 * The calling-context tree of checked code, so that the previous access of a race has a stack: a
 * node is a call site (or, for a leaf, an access site) under its parent node, and a thread's current
 * context is the node of the innermost call into checked code it is in. Recording an access costs
 * one interning of (context, site) on the detector's slow path, never a stack walk; a report walks
 * the node's parents back to the root.
 *
 * <p>Nodes are ints. A recorded access is stored where a site id would be, as {@code -node} (node
 * ids start at 2, so the result is never -1, the "no site" value): a non-negative value is a bare
 * site recorded outside any checked call. The tree holds one node per distinct context reached, at
 * most {@link #MAX_DEPTH} deep and {@link #MAX_NODES} in all; past either limit the context stops
 * growing (reports then show the outermost frames as elided). A call from a site already on the
 * path (recursion) goes back to that site's node instead of growing the path. It grows with the
 * program's code paths, never with how long it runs.
 *
 * <p>Lookups take no lock (an open-addressing table, replaced through a volatile field when it
 * grows); new nodes are added, and nodes are read for reports, under this class's lock.
 */
public final class CallingContexts {
    /** The root: no checked call recorded. */
    public static final int ROOT = 0;
    /** Deepest context recorded; deeper calls keep the context at this depth. */
    public static final int MAX_DEPTH = 256;
    /** Most nodes ever created; later new contexts stay at their parent. */
    static final int MAX_NODES = 1 << 22;

    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final Object LOCK = new Object();

    /** Per node: parent, site, depth; chunked so that growing never copies or moves a node. */
    private static final int[][] PARENT = new int[MAX_NODES >>> CHUNK_BITS][];
    private static final int[][] SITE = new int[MAX_NODES >>> CHUNK_BITS][];
    private static final short[][] DEPTH = new short[MAX_NODES >>> CHUNK_BITS][];
    /** Next free node id; 0 is the root and 1 is never used, so {@code -node} is never -1. */
    private static int nodeCount = 2;
    private static volatile Table table = new Table(1024);

    static {
        allocateChunk(0);
    }

    private CallingContexts() {
    }

    /** An open-addressing map from (parent, site) to node; keys and nodes are written before {@link #table} publishes them. */
    private static final class Table {
        final long[] keys;
        final int[] nodes;
        int size;

        Table(int capacity) {
            keys = new long[capacity];
            nodes = new int[capacity];
        }
    }

    /**
     * The node for a call from context {@code parent} at call site {@code site}: the callee's context;
     * {@code parent} itself for an unknown site (-1: the call came from code racedet does not check).
     */
    public static int enter(int parent, int site) {
        if (site < 0) {
            return parent;
        }
        int found = find(table, parent, site);
        return found != 0 ? found : add(parent, site, MAX_DEPTH, true);
    }

    /**
     * What the detector stores for an access at {@code site} made in context {@code context}: the bare
     * site at the root, otherwise {@code -node}.
     */
    public static int record(int context, int site) {
        if (context == ROOT || site < 0) {
            return site;
        }
        int node = find(table, context, site);
        if (node == 0) {
            node = add(context, site, MAX_DEPTH + 1, false); // a leaf still fits under the deepest context
        }
        return node == context ? site : -node; // the tree is full: only the site is known
    }

    /** The access site of a value {@link #record} returned. */
    public static int siteOf(int recorded) {
        if (recorded >= 0) {
            return recorded;
        }
        synchronized (LOCK) {
            return site(-recorded);
        }
    }

    /**
     * The call sites of the checked frames around a recorded access, innermost first (the access
     * site itself excluded); empty for a bare site.
     */
    public static int[] callersOf(int recorded) {
        if (recorded >= 0) {
            return new int[0];
        }
        synchronized (LOCK) { // nodes made by other threads are read under the lock that made them
            return callersOfNode(recorded);
        }
    }

    private static int[] callersOfNode(int recorded) {
        int node = parent(-recorded);
        int[] sites = new int[depth(node)];
        int n = 0;
        while (node != ROOT && n < sites.length) {
            sites[n++] = site(node);
            node = parent(node);
        }
        return n == sites.length ? sites : Arrays.copyOf(sites, n);
    }

    /** Nodes made so far (tests: how far the tree grew). */
    static int nodeCount() {
        synchronized (LOCK) {
            return nodeCount;
        }
    }

    /** Whether {@code node} names a node made so far. */
    public static boolean isNode(int node) {
        synchronized (LOCK) {
            return node >= 2 && node < nodeCount;
        }
    }

    /** Whether a recorded value reached the depth limit (its outermost frames were not recorded). */
    public static boolean truncated(int recorded) {
        if (recorded >= 0) {
            return false;
        }
        synchronized (LOCK) {
            return depth(-recorded) > MAX_DEPTH;
        }
    }

    static int depth(int node) {
        return node == ROOT ? 0 : DEPTH[node >>> CHUNK_BITS][node & (CHUNK - 1)];
    }

    private static int parent(int node) {
        return node == ROOT ? ROOT : PARENT[node >>> CHUNK_BITS][node & (CHUNK - 1)];
    }

    private static int site(int node) {
        return SITE[node >>> CHUNK_BITS][node & (CHUNK - 1)];
    }

    private static int find(Table t, int parent, int site) {
        long key = key(parent, site);
        long[] keys = t.keys;
        int mask = keys.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) {
                // 0 if the node's store is not visible yet (written before the key, but plain):
                // the caller then takes the locked path, which sees it
                return t.nodes[i];
            }
            if (k == 0) {
                return 0;
            }
        }
    }

    private static int add(int parent, int site, int maxDepth, boolean call) {
        synchronized (LOCK) {
            Table t = table;
            int found = find(t, parent, site);
            if (found != 0) {
                return found;
            }
            int recursive = call ? recursion(parent, site) : ROOT;
            if (recursive != ROOT) {
                // A call from a site already on the path: the context folds back to it, so that
                // recursion (a tree built by a method calling itself from two sites) adds nodes
                // for its distinct sites, not for every path through it. Reports show the
                // recursion once.
                if ((t.size + 1) * 4 > t.keys.length * 3) {
                    t = grown(t);
                    put(t, key(parent, site), recursive);
                    table = t;
                } else {
                    put(t, key(parent, site), recursive);
                }
                return recursive;
            }
            int depth = depth(parent);
            if (depth >= maxDepth || nodeCount >= MAX_NODES) {
                return parent;
            }
            int node = nodeCount++;
            if ((node & (CHUNK - 1)) == 0 || PARENT[node >>> CHUNK_BITS] == null) {
                allocateChunk(node >>> CHUNK_BITS);
            }
            PARENT[node >>> CHUNK_BITS][node & (CHUNK - 1)] = parent;
            SITE[node >>> CHUNK_BITS][node & (CHUNK - 1)] = site;
            DEPTH[node >>> CHUNK_BITS][node & (CHUNK - 1)] = (short) (depth + 1);
            if ((t.size + 1) * 4 > t.keys.length * 3) {
                t = grown(t);
                put(t, key(parent, site), node);
                table = t;
            } else {
                put(t, key(parent, site), node); // node before key: see find
            }
            return node;
        }
    }
    /** How far up a new call's path {@link #recursion} looks for its site. */
    static final int RECURSION_WINDOW = 32;

    /** The nearest node on {@code parent}'s path (itself included) made by a call at {@code site}, or the root. */
    private static int recursion(int parent, int site) {
        int n = parent;
        for (int k = 0; k < RECURSION_WINDOW && n != ROOT; k++, n = parent(n)) {
            if (site(n) == site) {
                return n;
            }
        }
        return ROOT;
    }

    private static Table grown(Table t) {
        Table g = new Table(t.keys.length * 2);
        for (int i = 0; i < t.keys.length; i++) {
            if (t.keys[i] != 0) {
                put(g, t.keys[i], t.nodes[i]);
            }
        }
        return g;
    }

    private static void put(Table t, long key, int node) {
        int mask = t.keys.length - 1;
        int i = hash(key) & mask;
        while (t.keys[i] != 0) {
            i = (i + 1) & mask;
        }
        t.keys[i] = key;
        t.nodes[i] = node;
        t.size++;
    }

    private static void allocateChunk(int chunk) {
        PARENT[chunk] = new int[CHUNK];
        SITE[chunk] = new int[CHUNK];
        DEPTH[chunk] = new short[CHUNK];
    }

    /** Never 0 (the empty key): sites are non-negative and the high word is offset by one. */
    private static long key(int parent, int site) {
        return ((long) (parent + 1) << 32) | (site & 0xffffffffL);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
