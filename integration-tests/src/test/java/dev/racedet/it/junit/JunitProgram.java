package dev.racedet.it.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the JUnit test classes named by its arguments with the JUnit Platform launcher, as a build
 * tool does (racedet's glue is found through {@code META-INF/services}), and prints one JSON object
 * per finished test or container on standard output:
 * {@code {"id": "...", "test": true, "status": "FAILED", "message": "..."}}.
 */
public final class JunitProgram {
    private JunitProgram() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : args) {
            request.selectors(selectClass(name)); // by name: loaded at discovery, as build tools do

        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(built, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                String message = result.getThrowable().map(Throwable::getMessage).orElse("");
                System.out.println("{\"id\": " + quote(id.getUniqueId()) + ", \"test\": " + id.isTest()
                        + ", \"status\": " + quote(result.getStatus().name())
                        + ", \"message\": " + quote(String.valueOf(message)) + "}");
            }
        });
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
