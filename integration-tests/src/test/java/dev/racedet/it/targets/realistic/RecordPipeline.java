package dev.racedet.it.targets.realistic;

import dev.racedet.it.targets.Racers;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic program: a three-stage pipeline (parse → enrich → aggregate) connected by bounded
 * {@code ArrayBlockingQueue}s. Each record is owned by one stage at a time and its plain fields are
 * written by the stage that owns it; the queues' hand-offs order one stage's writes before the next
 * stage's reads. A sentinel record ends the stream; per-stage counters are {@code AtomicLong}s; the
 * aggregate is owned by the last stage and read by main after {@code join}.
 *
 * <p>Two bugs, real races in every run:
 * <ul>
 *   <li>the parser publishes its {@code batchSize} setting as its first action, and the aggregator
 *       reads it as its first action (it should have been passed through the queue or set before the
 *       threads started);</li>
 *   <li>the enricher and the aggregator both write {@code lastStageFinished} after they handled the
 *       sentinel: the enricher writes it after its last {@code put}, so the aggregator's
 *       {@code take} of the sentinel orders nothing about it.</li>
 * </ul>
 */
public class RecordPipeline {
    static final class Record {
        int id;
        String raw;
        String[] fields;
        String region;
        long amount;
        boolean last;
    }

    private final BlockingQueue<Record> parsed = new ArrayBlockingQueue<>(4);
    private final BlockingQueue<Record> enriched = new ArrayBlockingQueue<>(4);
    private final AtomicLong parsedCount = new AtomicLong();
    private final AtomicLong enrichedCount = new AtomicLong();
    private int batchSize;
    private String lastStageFinished;
    private long total;
    private long regions;

    Runnable parser(int count) {
        return Racers.unchecked(() -> {
            batchSize = 16; // RACE
            for (int i = 0; i <= count; i++) {
                Record r = new Record();
                r.id = i;
                r.last = i == count;
                r.raw = r.last ? "" : i + "," + (i * 3) + "," + (i % 2 == 0 ? "eu" : "us");
                r.fields = r.last ? new String[0] : r.raw.split(",");
                parsedCount.incrementAndGet();
                parsed.put(r);
            }
        });
    }

    Runnable enricher() {
        return Racers.unchecked(() -> {
            while (true) {
                Record r = parsed.take();
                if (!r.last) {
                    r.amount = Long.parseLong(r.fields[1]);
                    r.region = r.fields[2].toUpperCase();
                    enrichedCount.incrementAndGet();
                }
                enriched.put(r);
                if (r.last) {
                    break;
                }
            }
            lastStageFinished = "enrich"; // RACE
        });
    }

    Runnable aggregator() {
        return Racers.unchecked(() -> {
            int batch = batchSize; // RACE
            long inBatch = 0;
            while (true) {
                Record r = enriched.take();
                if (r.last) {
                    break;
                }
                total += r.amount;
                if (r.region.equals("EU")) {
                    regions++;
                }
                inBatch++;
            }
            lastStageFinished = "aggregate"; // RACE
            if (batch < 0 || inBatch < 0) {
                throw new IllegalStateException("impossible");
            }
        });
    }

    public static void main(String[] args) throws Exception {
        RecordPipeline pipeline = new RecordPipeline();
        Racers.race(pipeline.parser(100), pipeline.enricher(), pipeline.aggregator());
        if (pipeline.total != 3 * 4950 || pipeline.regions != 50 || pipeline.parsedCount.get() != 101
                || pipeline.enrichedCount.get() != 100) {
            throw new AssertionError("pipeline broken: " + pipeline.total);
        }
    }
}
