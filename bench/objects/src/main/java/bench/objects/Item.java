package bench.objects;

/** A list element: who made it, a sequence number and a mutable amount. */
final class Item {

    private final int owner;
    private final int sequence;
    private long amount;

    Item(int owner, int sequence, long amount) {
        this.owner = owner;
        this.sequence = sequence;
        this.amount = amount;
    }

    int getOwner() {
        return owner;
    }

    int getSequence() {
        return sequence;
    }

    long getAmount() {
        return amount;
    }

    void setAmount(long amount) {
        this.amount = amount;
    }
}
