package bench.objects;

/**
 * A mutable message handed from stage to stage of {@link Pipeline}: each stage reads what the
 * previous one wrote and writes its own fields, with no lock of its own. It is race-free only because
 * the queues order each hand-over (a put happens-before the take that returns it), which is exactly
 * what the detector must model.
 */
final class Message {

    /** The end-of-stream marker each stage passes on before stopping. */
    static final Message END = new Message(-1, 0);

    private final long id;
    private final int[] payload;
    private long digest;
    private int hops;
    private String route = "";

    Message(long id, int payloadLength) {
        this.id = id;
        this.payload = new int[payloadLength];
    }

    long getId() {
        return id;
    }

    int[] getPayload() {
        return payload;
    }

    long getDigest() {
        return digest;
    }

    void setDigest(long digest) {
        this.digest = digest;
    }

    int getHops() {
        return hops;
    }

    String getRoute() {
        return route;
    }

    /** Records that the message went through {@code stage}. */
    void visit(String stage) {
        hops++;
        if (hops <= 2) {
            route = route.isEmpty() ? stage : route + ">" + stage;
        }
    }
}
