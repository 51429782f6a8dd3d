package dev.racedet.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a Jupiter test, or test class, during which racedet found races, with the races' report as
 * the failure message. Registered by autodetection (see {@link RacedetSessionListener}, which enables
 * it for this extension only); the attribution itself is done by {@link RacedetExecutionListener}.
 *
 * <p>{@code afterEach} runs after the test's own {@code @AfterEach} methods, so races found in the
 * test method, in its lifecycle methods, and in every thread or pool task it started and waited for
 * fail it. Races found in {@code @BeforeAll}/{@code @AfterAll} or a static initializer fail the class.
 */
public final class RacedetExtension implements AfterEachCallback, AfterAllCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        failOnRaces(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnRaces(context);
    }

    private static void failOnRaces(ExtensionContext context) {
        if (!Runtime.installed()) {
            return;
        }
        String report = Runtime.takeReport(context.getUniqueId());
        if (report != null) {
            AssertionError failure = new AssertionError(report);
            failure.setStackTrace(new StackTraceElement[0]); // racedet's and JUnit's frames say nothing here
            throw failure;
        }
    }
}
