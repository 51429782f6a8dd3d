package bench.objects;

/**
 * A node of a binary tree: a key, a payload and two children. Used both for the trees every thread
 * builds and drops (children set by the constructor) and for the shared search tree main builds by
 * insertion (children set later through the setters).
 */
final class TreeNode {

    private final int key;
    private long payload;
    private TreeNode left;
    private TreeNode right;

    TreeNode(int key, long payload, TreeNode left, TreeNode right) {
        this.key = key;
        this.payload = payload;
        this.left = left;
        this.right = right;
    }

    int getKey() {
        return key;
    }

    long getPayload() {
        return payload;
    }

    void setPayload(long payload) {
        this.payload = payload;
    }

    TreeNode getLeft() {
        return left;
    }

    void setLeft(TreeNode left) {
        this.left = left;
    }

    TreeNode getRight() {
        return right;
    }

    void setRight(TreeNode right) {
        this.right = right;
    }

    boolean isLeaf() {
        return left == null && right == null;
    }
}
