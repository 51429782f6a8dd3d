package dev.racedet.runtime;

import dev.racedet.runtime.engine.CallingContexts;
import dev.racedet.runtime.engine.HeldLocks;
import dev.racedet.runtime.engine.RaceListener;
import dev.racedet.runtime.engine.RecentEvents;
import dev.racedet.runtime.engine.ThreadIdentity;
import dev.racedet.runtime.engine.ThreadState;
import dev.racedet.runtime.engine.VarState;
import dev.racedet.runtime.report.Frame;
import dev.racedet.runtime.report.Race;
import dev.racedet.runtime.report.TimelineEvent;
import dev.racedet.runtime.report.TextReport;
import dev.racedet.runtime.triage.Verdicts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns detections into reports: deduplicates them by field and pair of source lines, prints the
 * first detection of each pair as soon as the detector lets go of the field, and counts the rest.
 * The current access's stack is captured only for a new pair; the previous access's is the calling
 * context recorded with it ({@link CallingContexts}).
 */
final class RaceReporter implements RaceListener {
    /** Most frames shown of each stack: the {@code stacks} option. */
    private static volatile int maxFrames = 32;
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final ConcurrentHashMap<Long, Race> byLocations = new ConcurrentHashMap<>();
    private final List<Race> firstSeenOrder = new ArrayList<>();

    @Override
    public void race(VarState field, ThreadState current, boolean currentWrite, int currentSite,
                     ThreadIdentity previous, boolean previousWrite, int previousSite) {
        Registry.Site now = Registry.site(currentSite);
        Registry.Site before = Registry.site(CallingContexts.siteOf(previousSite));
        long key = pairKey(now.locationId(), before.locationId());
        if (field.raceHint instanceof Race hinted && hinted.key() == key) {
            hinted.repeated();
            return;
        }
        Race race = byLocations.get(key);
        if (race != null) {
            race.repeated();
        } else {
            race = newRace(key, field, current, currentWrite, now, previous, previousWrite, previousSite, before);
        }
        field.raceHint = race;
    }

    private Race newRace(long key, VarState field, ThreadState current, boolean currentWrite,
                         Registry.Site now, ThreadIdentity previousThread, boolean previousWrite,
                         int previousRecorded, Registry.Site before) {
        Race.Access access = new Race.Access(current.name(), currentWrite, now.location(), stack(now),
                false, recordedStack(current.identity().startedAt), HeldLocks.heldNow(current),
                timeline(current.identity(), currentWrite, -1, now));
        Race.Access previous = new Race.Access(previousThread.name(), previousWrite, before.location(),
                recordedStack(previousRecorded), true, recordedStack(previousThread.startedAt),
                recordedLocks(previousRecorded),
                timeline(previousThread, previousWrite, CallingContexts.siteOf(previousRecorded), null));
        Race race = field.index() < 0
                ? new Race(key, Registry.field(field.fieldId).qualifiedName(), access, previous, -1, objectName(field))
                : new Race(key, arrayName(now, before, field), access, previous, field.index(), "");
        Race existing = byLocations.putIfAbsent(key, race);
        if (existing != null) {
            existing.repeated();
            return existing;
        }
        if (Verdicts.of(race) == Verdicts.Verdict.SUPPRESSED) {
            return race; // counted by Verdicts; never printed or listed (its repeats stay deduplicated)
        }
        synchronized (firstSeenOrder) {
            firstSeenOrder.add(race);
        }
        Tests.attribute(race, current); // the test it happened in (dev.racedet.junit)
        // Printed by the hook once the field's lock is released (see Racedet.printPending).
        String text = TextReport.race(race);
        current.pendingOutput = current.pendingOutput == null ? text : current.pendingOutput + text;
        return race;
    }

    /**
     * {@code demo.Counter@1b6d3586} for a field whose state lives in its object, from the identity
     * hash (never the object's own {@code hashCode}); {@code ""} for statics and side-table states.
     */
    private static String objectName(VarState field) {
        Object o = field.owner;
        if (o == null || o instanceof Class<?>) {
            return "";
        }
        return o.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(o));
    }

    /**
     * The frames of a recorded access or thread start ({@link CallingContexts#record}): its site, then
     * the call sites of the checked frames around it. Empty for -1 (nothing recorded).
     */
    private static List<Frame> recordedStack(int recorded) {
        if (recorded == -1) {
            return List.of();
        }
        List<Frame> frames = new ArrayList<>();
        frames.add(frame(Registry.site(CallingContexts.siteOf(recorded))));
        for (int site : CallingContexts.callersOf(recorded)) {
            if (frames.size() >= maxFrames) {
                break;
            }
            if (!HeldLocks.isLockSite(site)) {
                frames.add(frame(Registry.site(site)));
            }
        }
        return frames;
    }

    /** The monitors held at a recorded access, innermost first: its context's lock frames. */
    private static List<String> recordedLocks(int recorded) {
        List<String> locks = new ArrayList<>();
        for (int site : CallingContexts.callersOf(recorded)) {
            if (HeldLocks.isLockSite(site)) {
                locks.add(HeldLocks.describe(site));
            }
        }
        return locks;
    }

    private static final String[] EVENT_KINDS = {"?", "read", "write", "acquire", "release", "start", "join"};

    /**
     * The thread's recent events as a timeline. For the current access ({@code now} given), which the
     * detector records only after reporting, the access is appended; for the previous one, its last
     * event of the same operation at {@code racySite} is marked.
     */
    private static List<TimelineEvent> timeline(ThreadIdentity thread, boolean write, int racySite,
                                                Registry.Site now) {
        RecentEvents.Snapshot events = thread.recent.snapshot();
        List<TimelineEvent> out = new ArrayList<>(events.size() + 1);
        byte op = write ? RecentEvents.WRITE : RecentEvents.READ;
        int racy = -1;
        for (int i = 0; i < events.size(); i++) {
            if (now == null && events.kinds()[i] == op && events.site(i) == racySite) {
                racy = i;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            byte kind = events.kinds()[i];
            String name = kind > 0 && kind < EVENT_KINDS.length ? EVENT_KINDS[kind] : "?";
            out.add(new TimelineEvent(name, eventLocation(events.context(i), events.site(i)), i == racy));
        }
        if (now != null) {
            out.add(new TimelineEvent(write ? "write" : "read", now.location(), true));
        }
        return out;
    }

    /** The site's location, or else the innermost checked frame of the context; "" if neither. */
    private static String eventLocation(int context, int site) {
        Registry.Site s = Registry.siteOrNull(site);
        if (s == null && context > CallingContexts.ROOT && CallingContexts.isNode(context)) {
            s = Registry.siteOrNull(CallingContexts.siteOf(-context));
        }
        return s == null ? "" : s.location();
    }

    private static Frame frame(Registry.Site site) {
        return new Frame(site.className(), site.method(), site.file(), site.line());
    }

    /**
     * The name of a raced array: the field the array was loaded from plus {@code []} when the
     * instrumentation knew it at either access (the current one's first: {@code demo.Grid.cells[]}),
     * otherwise the array's type ({@code int[]}, {@code java.lang.String[][]}), which an element's
     * state keeps as its owner. Bulk operations never know the field, so a race between
     * {@code Arrays.fill(cells, 0)} and {@code cells[3] = 1} is named after {@code cells} whichever
     * came first.
     */
    private static String arrayName(Registry.Site now, Registry.Site before, VarState element) {
        for (Registry.Site site : new Registry.Site[] {now, before}) {
            Registry.Field f = Registry.field(site.fieldId());
            if (f != null && !f.declaringClass().isEmpty()) {
                return f.qualifiedName();
            }
        }
        return element.owner instanceof Class<?> type ? type.getTypeName() : "array";
    }

    /** The calling thread's stack from the instrumented frame down, racedet's own frames left out. */
    private static List<Frame> stack(Registry.Site site) {
        List<Frame> frames = WALKER.walk(s -> s
                .filter(f -> !f.getClassName().startsWith("dev.racedet.runtime."))
                .limit(maxFrames)
                .map(f -> new Frame(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .collect(Collectors.toList()));
        return frames.isEmpty() ? List.of(frame(site)) : frames;
    }

    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    static void setMaxFrames(int frames) {
        maxFrames = frames;
    }

    /** Every distinct race so far, in the order they were first seen. */
    List<Race> races() {
        synchronized (firstSeenOrder) {
            return new ArrayList<>(firstSeenOrder);
        }
    }
}
