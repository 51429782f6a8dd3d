package dev.racedet.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The calling-context tree as event scripts: calls entered, accesses recorded, stacks read back. */
class CallingContextsTest {
    // Site ids far from those other tests may intern in the shared tree
    private static final int MAIN_CALLS_A = 900_001;
    private static final int MAIN_CALLS_B = 900_002;
    private static final int A_CALLS_WRITE = 900_003;
    private static final int WRITE_SITE = 900_004;

    @Test
    void access_at_the_root_is_recorded_as_its_bare_site() {
        assertEquals(WRITE_SITE, CallingContexts.record(CallingContexts.ROOT, WRITE_SITE));
        assertEquals(WRITE_SITE, CallingContexts.siteOf(WRITE_SITE));
        assertArrayEquals(new int[0], CallingContexts.callersOf(WRITE_SITE));
    }

    @Test
    void recorded_access_gives_back_its_site_and_callers_innermost_first() {
        int inA = CallingContexts.enter(CallingContexts.ROOT, MAIN_CALLS_A);
        int inWrite = CallingContexts.enter(inA, A_CALLS_WRITE);
        int recorded = CallingContexts.record(inWrite, WRITE_SITE);
        assertTrue(recorded < -1, "a context node is stored negated, never as -1");
        assertEquals(WRITE_SITE, CallingContexts.siteOf(recorded));
        assertArrayEquals(new int[] {A_CALLS_WRITE, MAIN_CALLS_A}, CallingContexts.callersOf(recorded));
    }

    @Test
    void same_call_path_is_the_same_node_and_another_path_is_not() {
        int viaA = CallingContexts.enter(CallingContexts.enter(CallingContexts.ROOT, MAIN_CALLS_A), A_CALLS_WRITE);
        int viaAAgain = CallingContexts.enter(CallingContexts.enter(CallingContexts.ROOT, MAIN_CALLS_A), A_CALLS_WRITE);
        int viaB = CallingContexts.enter(CallingContexts.enter(CallingContexts.ROOT, MAIN_CALLS_B), A_CALLS_WRITE);
        assertEquals(viaA, viaAAgain);
        assertNotEquals(viaA, viaB);
        assertArrayEquals(new int[] {A_CALLS_WRITE, MAIN_CALLS_B},
                CallingContexts.callersOf(CallingContexts.record(viaB, WRITE_SITE)));
    }

    @Test
    void call_from_unchecked_code_adds_no_frame() {
        int inA = CallingContexts.enter(CallingContexts.ROOT, MAIN_CALLS_A);
        assertEquals(inA, CallingContexts.enter(inA, -1));
    }

    @Test
    void context_stops_growing_at_the_depth_limit() {
        int c = CallingContexts.ROOT;
        for (int depth = 0; depth < CallingContexts.MAX_DEPTH + 10; depth++) {
            c = CallingContexts.enter(c, 910_000 + depth);
        }
        int recorded = CallingContexts.record(c, WRITE_SITE);
        assertEquals(WRITE_SITE, CallingContexts.siteOf(recorded));
        assertEquals(CallingContexts.MAX_DEPTH, CallingContexts.callersOf(recorded).length,
                "the callers fill the limit; the outermost are cut");
        assertTrue(CallingContexts.truncated(recorded));
    }

    @Test
    void recursion_folds_back_to_the_call_site_already_on_the_path() {
        int left = 930_001;
        int right = 930_002;
        int top = CallingContexts.enter(CallingContexts.ROOT, 930_000); // main calls build
        // build calls itself from two sites, 20 levels deep, along every left/right path of 3 levels
        int nodesBefore = CallingContexts.nodeCount();
        for (int path = 0; path < 8; path++) {
            int c = top;
            for (int level = 0; level < 20; level++) {
                c = CallingContexts.enter(c, ((path >> (level % 3)) & 1) == 0 ? left : right);
            }
            int[] callers = CallingContexts.callersOf(CallingContexts.record(c, WRITE_SITE));
            assertTrue(callers.length <= 3, "each recursive site once on the path: " + java.util.Arrays.toString(callers));
            assertEquals(930_000, callers[callers.length - 1]);
        }
        int made = CallingContexts.nodeCount() - nodesBefore;
        assertTrue(made <= 8, "nodes for the two sites' orders and the accesses under them, not for the 8 x 20 calls: " + made);
    }

    @Test
    void many_contexts_survive_the_table_growing() {
        int[] nodes = new int[5000];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = CallingContexts.enter(CallingContexts.ROOT, 920_000 + i);
        }
        for (int i = 0; i < nodes.length; i++) {
            assertEquals(nodes[i], CallingContexts.enter(CallingContexts.ROOT, 920_000 + i));
            assertArrayEquals(new int[] {920_000 + i}, CallingContexts.callersOf(CallingContexts.record(nodes[i], WRITE_SITE)));
        }
    }

    @Test
    void detector_records_the_context_of_the_previous_access() {
        java.util.List<Integer> previousSites = new java.util.ArrayList<>();
        Detector detector = new Detector((field, current, currentWrite, currentSite, previous, previousWrite,
                                          previousSite) -> previousSites.add(previousSite));
        ThreadState writer = new ThreadState(null, "writer");
        ThreadState reader = new ThreadState(null, "reader");
        VarState v = new VarState(0);
        writer.context = CallingContexts.enter(CallingContexts.enter(CallingContexts.ROOT, MAIN_CALLS_A), A_CALLS_WRITE);
        detector.write(writer, v, WRITE_SITE);
        detector.read(reader, v, 900_005);
        assertEquals(1, previousSites.size());
        assertArrayEquals(new int[] {A_CALLS_WRITE, MAIN_CALLS_A}, CallingContexts.callersOf(previousSites.get(0)));
        assertEquals(WRITE_SITE, CallingContexts.siteOf(previousSites.get(0)));
    }
}
