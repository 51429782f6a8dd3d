package bench.objects;

/**
 * Builds, iterates and trims lists of our own ({@link LinkedSeq}, {@link GrowableArray}) holding
 * {@link Item}s.
 * <p>
 * Each worker fills a private linked list and a private array list, walks them (reading and updating
 * each item), removes a part, and repeats; every so often it also appends a batch to one list shared
 * by all workers and later removes its own items from it, both under the shared list's monitor. The
 * private part is the field-heavy single-owner code most of an application is; the shared part is a
 * lock-protected collection, the textbook synchronized container. The shared list's final content
 * does not depend on the interleaving (each worker removes only items it added), so it goes into the
 * checksum.
 * <p>
 * Arguments: rounds per thread (default 800), threads (default 4).
 */
public final class Lists {

    private static final int PRIVATE_ITEMS = 20_000;
    private static final int SHARED_BATCH = 200;

    private final GrowableArray<Item> shared = new GrowableArray<>();

    private Lists() {
    }

    public static void main(String[] args) {
        int rounds = Workload.intArg(args, 0, 800);
        int threadCount = Workload.intArg(args, 1, 4);

        Lists lists = new Lists();
        long[] checks = new long[threadCount];
        Thread[] threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            int id = i;
            threads[i] = new Thread(() -> checks[id] = lists.work(id, rounds), "lists-" + i);
            threads[i].start();
        }
        Workload.joinAll(threads);

        long checksum = Workload.seed();
        for (long check : checks) {
            checksum = Workload.mix(checksum, check);
        }
        checksum = Workload.mix(checksum, lists.sharedDigest());
        Workload.printResult("lists", checksum);
    }

    private long work(int id, int rounds) {
        long check = 0;
        for (int round = 0; round < rounds; round++) {
            check = Workload.mix(check, linkedRound(id, round));
            check = Workload.mix(check, arrayRound(id, round));
            if (round % 4 == 0) {
                addShared(id, round);
            }
            if (round % 8 == 4) {
                check = Workload.mix(check, trimShared(id, round));
            }
        }
        return check;
    }

    /** Builds a linked list from both ends, updates every item, drops the multiples of 3, sums. */
    private static long linkedRound(int id, int round) {
        LinkedSeq<Item> list = new LinkedSeq<>();
        for (int i = 0; i < PRIVATE_ITEMS; i++) {
            Item item = new Item(id, i, (long) i * round + id);
            if ((i & 1) == 0) {
                list.addLast(item);
            } else {
                list.addFirst(item);
            }
        }
        for (Item item : list) {
            item.setAmount(item.getAmount() * 7 + item.getSequence());
        }
        list.removeIf(item -> item.getSequence() % 3 == 0);
        long sum = 0;
        int position = 0;
        for (Item item : list) {
            sum += item.getAmount() ^ position++;
        }
        while (list.size() > PRIVATE_ITEMS / 2) {
            sum += list.removeFirst().getSequence();
        }
        return sum + list.size();
    }

    /** Fills an array list (growing it from empty), updates it by index, compacts it, sums. */
    private static long arrayRound(int id, int round) {
        GrowableArray<Item> list = new GrowableArray<>();
        for (int i = 0; i < PRIVATE_ITEMS; i++) {
            list.add(new Item(id, i, i + round));
        }
        for (int i = 1; i < list.size(); i++) {
            Item item = list.get(i);
            item.setAmount(item.getAmount() + list.get(i - 1).getAmount() % 1000);
        }
        list.removeIf(item -> (item.getAmount() & 3) == 0);
        long sum = 0;
        for (int i = 0; i < list.size(); i++) {
            sum = sum * 31 + list.get(i).getAmount();
        }
        return sum + list.size();
    }

    private void addShared(int id, int round) {
        synchronized (shared) {
            for (int i = 0; i < SHARED_BATCH; i++) {
                shared.add(new Item(id, round * SHARED_BATCH + i, round + i));
            }
        }
    }

    /**
     * Removes this worker's even-numbered items from the shared list and returns their total. Which of
     * them are there is deterministic: they were all added by this worker, before, in program order.
     */
    private long trimShared(int id, int round) {
        long[] removedTotal = new long[1];
        synchronized (shared) {
            shared.removeIf(item -> {
                boolean mine = item.getOwner() == id && item.getSequence() % 2 == 0;
                if (mine) {
                    removedTotal[0] += item.getAmount();
                }
                return mine;
            });
            // Everyone's items are read by the filter: update the remaining ones of this worker too.
            for (int i = 0; i < shared.size(); i++) {
                Item item = shared.get(i);
                if (item.getOwner() == id) {
                    item.setAmount(item.getAmount() + 1);
                }
            }
        }
        return removedTotal[0] + round;
    }

    /** Order-independent digest of the shared list: its size and the sum of mixed items. */
    private long sharedDigest() {
        synchronized (shared) {
            long sum = 0;
            for (int i = 0; i < shared.size(); i++) {
                Item item = shared.get(i);
                sum += Workload.mix(item.getOwner() * 1_000_003L + item.getSequence(), item.getAmount());
            }
            return Workload.mix(sum, shared.size());
        }
    }
}
