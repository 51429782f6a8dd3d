package dev.racedet.runtime.report;

/**
 * One event of a thread's recent history, for the timeline around a race: an access the detector
 * recorded, or a synchronization the thread performed.
 *
 * @param kind     {@code read}, {@code write}, {@code acquire}, {@code release}, {@code start} (of
 *                 another thread), {@code join}
 * @param location where it happened: the access site, or for synchronization the innermost checked
 *                 frame that led to it ({@code pkg.Class.method(File.java:12)}); {@code ""} if unknown
 * @param racy     whether this is the access of the race itself
 */
public record TimelineEvent(String kind, String location, boolean racy) {
}
