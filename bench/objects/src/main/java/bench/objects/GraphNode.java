package bench.objects;

import java.util.ArrayList;
import java.util.List;

/** A node of an object graph built by {@link ExecutorGraphs}: an id, a weight and its out-edges. */
final class GraphNode {

    private final int id;
    private final int weight;
    private final List<GraphNode> edges = new ArrayList<>(4);
    private int inDegree;

    GraphNode(int id, int weight) {
        this.id = id;
        this.weight = weight;
    }

    int getId() {
        return id;
    }

    int getWeight() {
        return weight;
    }

    List<GraphNode> getEdges() {
        return edges;
    }

    int getInDegree() {
        return inDegree;
    }

    void connectTo(GraphNode target) {
        edges.add(target);
        target.inDegree++;
    }
}
