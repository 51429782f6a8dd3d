package dev.racedet.junit;

import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Tells racedet when each test and test container starts and ends, on the thread that runs it (the
 * JUnit Platform calls {@code executionStarted}/{@code executionFinished} there), so races are
 * attributed to tests of every engine; prints the races no test was failed for at the end of the
 * run. Does nothing when racedet is not running.
 */
public final class RacedetExecutionListener implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (Runtime.installed()) {
            Runtime.activate();
        }
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (Runtime.installed() && test.getParentId().isPresent()) { // not the engine itself
            Runtime.started(name(test), test.getUniqueId());
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (Runtime.installed() && test.getParentId().isPresent()) {
            Runtime.finished(test.getUniqueId());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (Runtime.installed()) {
            printUnowned(System.err);
        }
    }

    /** Prints races found outside any test or after their test ended, once. */
    static void printUnowned(PrintStream err) {
        String report = Runtime.unownedReport();
        if (!report.isEmpty()) {
            err.print(report);
            err.flush();
        }
    }

    /**
     * {@code pkg.Class.method(params)} for a method, {@code pkg.Class} for a class, plus the display
     * name when it says more ({@code [2] input=3} of a parameterized test); the display name alone
     * for other sources.
     */
    static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        String display = test.getDisplayName();
        String where;
        if (source instanceof MethodSource m) {
            where = m.getClassName() + "." + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
            String plain = m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
            return display.equals(plain) || display.equals(m.getMethodName() + "()") ? where : where + " " + display;
        }
        if (source instanceof ClassSource c) {
            where = c.getClassName();
            return display.equals(where) || where.endsWith("." + display) || where.endsWith("$" + display)
                    ? where : where + " " + display;
        }
        return display;
    }
}
