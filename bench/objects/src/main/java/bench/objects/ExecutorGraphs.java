package bench.objects;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An {@link ExecutorService} whose tasks each build an object graph (nodes with edge lists) and return
 * it through a {@link Future}; main walks every graph it gets back (breadth-first, summing weights
 * along the way). Whole object graphs are written by a pool thread and read by another thread, ordered
 * only by the executor's hand-over ({@code submit} before the task, the task before {@code get}):
 * the way most server code passes work between threads. Main keeps a bounded window of tasks in
 * flight, so building and walking overlap.
 * <p>
 * Arguments: graphs (default 2,500), nodes per graph (default 4,000), pool threads (default 3).
 */
public final class ExecutorGraphs {

    private static final int EXTRA_EDGES = 3;

    private ExecutorGraphs() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        int graphs = Workload.intArg(args, 0, 2_500);
        int nodes = Workload.intArg(args, 1, 4_000);
        int poolThreads = Workload.intArg(args, 2, 3);

        ExecutorService pool = Executors.newFixedThreadPool(poolThreads);
        try {
            long checksum = Workload.seed();
            ArrayDeque<Future<Graph>> inFlight = new ArrayDeque<>();
            int submitted = 0;
            int window = poolThreads * 4;
            while (submitted < graphs || !inFlight.isEmpty()) {
                while (submitted < graphs && inFlight.size() < window) {
                    int seed = submitted++;
                    inFlight.add(pool.submit(() -> Graph.build(seed, nodes, EXTRA_EDGES)));
                }
                Graph graph = inFlight.poll().get();
                checksum = Workload.mix(checksum, walk(graph));
            }
            Workload.printResult("executor-graphs", checksum);
        } finally {
            pool.shutdown();
        }
    }

    /** Breadth-first from node 0: weight sum, edge count and the farthest level's size. */
    private static long walk(Graph graph) {
        List<GraphNode> nodes = graph.getNodes();
        boolean[] seen = new boolean[nodes.size()];
        ArrayDeque<GraphNode> queue = new ArrayDeque<>();
        queue.add(nodes.get(0));
        seen[0] = true;
        long weights = 0;
        long edges = 0;
        int reached = 0;
        while (!queue.isEmpty()) {
            GraphNode node = queue.poll();
            reached++;
            weights += node.getWeight();
            List<GraphNode> out = node.getEdges();
            edges += out.size();
            for (GraphNode next : out) {
                if (!seen[next.getId()]) {
                    seen[next.getId()] = true;
                    queue.add(next);
                }
            }
        }
        return Workload.mix(Workload.mix(weights * 31 + edges, reached), graph.getBuildSummary() ^ graph.getSeed());
    }
}
