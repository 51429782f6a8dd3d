/**
 * racedet's JUnit Platform glue: attributes races to tests and fails the test that raced.
 *
 * <p>Registered through {@code META-INF/services}, so a test run with racedet.jar as agent (or only
 * on the test class path: {@link dev.racedet.junit.SelfInstall}) uses it with no configuration. These
 * classes are never on the bootstrap class path ({@code dev.racedet.BootJar}): they load from the
 * class path next to JUnit, and reach the runtime only through {@link dev.racedet.junit.Runtime},
 * which must not be touched before the runtime is on the bootstrap class path.
 */
package dev.racedet.junit;
