package bench.objects;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A directed graph of {@link GraphNode}s, built by one task and then handed over through a Future. */
final class Graph {

    private final int seed;
    private final List<GraphNode> nodes;
    private long buildSummary;

    private Graph(int seed, List<GraphNode> nodes) {
        this.seed = seed;
        this.nodes = nodes;
    }

    /** A random graph: a spanning chain (so everything is reachable from node 0) plus random edges. */
    static Graph build(int seed, int nodeCount, int extraEdgesPerNode) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GraphNode> nodes = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(new GraphNode(i, random.nextInt(1000)));
        }
        for (int i = 1; i < nodeCount; i++) {
            nodes.get(random.nextInt(i)).connectTo(nodes.get(i));
        }
        for (GraphNode node : nodes) {
            for (int e = 0; e < extraEdgesPerNode; e++) {
                node.connectTo(nodes.get(random.nextInt(nodeCount)));
            }
        }
        Graph graph = new Graph(seed, nodes);
        graph.summarize();
        return graph;
    }

    /** The builder's own pass over its graph before returning it: the heaviest in-degree's weight. */
    private void summarize() {
        long best = 0;
        for (GraphNode node : nodes) {
            best = Math.max(best, (long) node.getInDegree() << 20 | node.getWeight());
        }
        buildSummary = best;
    }

    int getSeed() {
        return seed;
    }

    List<GraphNode> getNodes() {
        return nodes;
    }

    long getBuildSummary() {
        return buildSummary;
    }
}
