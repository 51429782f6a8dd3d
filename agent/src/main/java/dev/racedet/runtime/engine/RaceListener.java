package dev.racedet.runtime.engine;

/**
 * Receives every race the {@link Detector} finds, while the detector holds the lock of the field's
 * {@link VarState}. Implementations must not throw and must not call back into the detector.
 */
public interface RaceListener {
    /**
     * One unordered pair of conflicting accesses.
     *
     * @param field the shadow state of the raced field; {@code field.raceHint} is free for the
     *     listener to cache what it needs to count repeats cheaply
     * @param current the thread making the access now
     * @param currentWrite whether the current access is a write
     * @param currentSite site id of the current access
     * @param previous the thread that made the earlier access (it may have terminated since)
     * @param previousWrite whether the earlier access was a write
     * @param previousSite the earlier access's site and calling context, as
     *     {@link CallingContexts#record} stores them ({@link CallingContexts#siteOf} gives the site)
     */
    void race(VarState field, ThreadState current, boolean currentWrite, int currentSite,
              ThreadIdentity previous, boolean previousWrite, int previousSite);
}
