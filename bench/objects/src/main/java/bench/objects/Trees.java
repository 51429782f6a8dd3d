package bench.objects;

import java.util.SplittableRandom;

/**
 * Builds and traverses binary trees: the allocation and pointer-chasing pattern of the classic
 * "binary trees" benchmark, re-expressed here, plus read sharing.
 * <p>
 * Each worker repeatedly builds complete trees of its own (every node a fresh object whose fields are
 * written once by its creating thread), walks them to a check value and drops them; between trees it
 * looks keys up in one shared search tree that main built before starting the workers and that is
 * only read afterwards (published by {@code Thread.start}). So the workload mixes thread-private
 * objects that die young with many objects read by every thread, which is what object-heavy
 * applications (caches, parsed configuration, DOMs) look like to a race detector.
 * <p>
 * Arguments: rounds per thread (default 70), threads (default 4).
 */
public final class Trees {

    private static final int PRIVATE_DEPTH = 16;
    private static final int SHARED_KEYS = 200_000;
    private static final int LOOKUPS_PER_ROUND = 20_000;

    private Trees() {
    }

    public static void main(String[] args) {
        int rounds = Workload.intArg(args, 0, 70);
        int threadCount = Workload.intArg(args, 1, 4);

        SearchTree shared = buildShared();
        long[] checks = new long[threadCount];
        Thread[] threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            int id = i;
            threads[i] = new Thread(() -> checks[id] = work(id, rounds, shared), "trees-" + i);
            threads[i].start();
        }
        Workload.joinAll(threads);

        long checksum = Workload.mix(Workload.seed(), shared.size());
        for (long check : checks) {
            checksum = Workload.mix(checksum, check);
        }
        Workload.printResult("trees", checksum);
    }

    /** The shared tree: random keys (random order keeps an unbalanced BST about 2 ln n deep). */
    private static SearchTree buildShared() {
        SearchTree tree = new SearchTree();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < SHARED_KEYS; i++) {
            tree.put(random.nextInt(SHARED_KEYS * 4), i);
        }
        return tree;
    }

    private static long work(int id, int rounds, SearchTree shared) {
        SplittableRandom random = new SplittableRandom(1000 + id);
        long check = 0;
        for (int round = 0; round < rounds; round++) {
            TreeNode tree = build(PRIVATE_DEPTH, round * 31 + id);
            relabel(tree, round);
            check = Workload.mix(check, checkTree(tree));
            long found = 0;
            for (int i = 0; i < LOOKUPS_PER_ROUND; i++) {
                found += shared.get(random.nextInt(SHARED_KEYS * 4));
            }
            int from = random.nextInt(SHARED_KEYS * 4);
            found += shared.rangeSum(from, from + 2_000);
            check = Workload.mix(check, found);
        }
        return check;
    }

    /** A complete tree of the given depth, built bottom-up. */
    private static TreeNode build(int depth, int key) {
        if (depth == 0) {
            return new TreeNode(key, key, null, null);
        }
        return new TreeNode(key, 0, build(depth - 1, 2 * key), build(depth - 1, 2 * key + 1));
    }

    /** Rewrites every payload: a read-modify-write of each node by its owner. */
    private static void relabel(TreeNode node, int round) {
        if (node == null) {
            return;
        }
        node.setPayload(node.getPayload() * 3 + round);
        relabel(node.getLeft(), round);
        relabel(node.getRight(), round);
    }

    private static long checkTree(TreeNode node) {
        if (node.isLeaf()) {
            return node.getPayload() ^ node.getKey();
        }
        return node.getPayload() + checkTree(node.getLeft()) - checkTree(node.getRight()) + 1;
    }
}
