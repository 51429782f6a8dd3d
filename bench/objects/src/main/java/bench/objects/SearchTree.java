package bench.objects;

/**
 * An unbalanced binary search tree of {@link TreeNode}s keyed by int. Main builds one and publishes
 * it to the workers by starting them; from then on it is only read, so its nodes are shared-read
 * state, the case where a detector's read-sharing bookkeeping matters.
 */
final class SearchTree {

    private TreeNode root;
    private int size;

    /** Inserts {@code key}, or adds {@code payload} to the existing node's. */
    void put(int key, long payload) {
        if (root == null) {
            root = new TreeNode(key, payload, null, null);
            size++;
            return;
        }
        TreeNode node = root;
        while (true) {
            if (key == node.getKey()) {
                node.setPayload(node.getPayload() + payload);
                return;
            }
            TreeNode next = key < node.getKey() ? node.getLeft() : node.getRight();
            if (next == null) {
                TreeNode leaf = new TreeNode(key, payload, null, null);
                if (key < node.getKey()) {
                    node.setLeft(leaf);
                } else {
                    node.setRight(leaf);
                }
                size++;
                return;
            }
            node = next;
        }
    }

    /** The payload stored under {@code key}, or -1. */
    long get(int key) {
        TreeNode node = root;
        while (node != null) {
            if (key == node.getKey()) {
                return node.getPayload();
            }
            node = key < node.getKey() ? node.getLeft() : node.getRight();
        }
        return -1;
    }

    /** Sum of the payloads of the keys in [from, to), by an in-order walk of the relevant subtrees. */
    long rangeSum(int from, int to) {
        return rangeSum(root, from, to);
    }

    private static long rangeSum(TreeNode node, int from, int to) {
        if (node == null) {
            return 0;
        }
        long sum = 0;
        if (from < node.getKey()) {
            sum += rangeSum(node.getLeft(), from, to);
        }
        if (node.getKey() >= from && node.getKey() < to) {
            sum += node.getPayload();
        }
        if (to > node.getKey()) {
            sum += rangeSum(node.getRight(), from, to);
        }
        return sum;
    }

    int size() {
        return size;
    }
}
