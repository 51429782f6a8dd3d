package dev.racedet.it.thirdparty;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Where the third-party tests find their inputs: jars resolved by Maven from Maven Central (handed
 * over as system properties by the surefire configuration, never downloaded at run time), the
 * compiled test programs and their sources, and one dynamic test per JDK of {@link Jdks#all()}.
 */
public final class ThirdParty {
    /** The package of the test programs compiled by Maven with the tests. */
    public static final String PROGRAMS = "dev.racedet.it.thirdparty.programs";

    private ThirdParty() {
    }

    /** A jar from Maven Central, by its surefire property ({@code thirdparty.mockito}, ...). */
    public static Path jar(String name) {
        return AgentRun.requiredPath("thirdparty." + name);
    }

    /** The directory the test programs (and every other test class) are compiled to. */
    public static Path testClasses() {
        return AgentRun.requiredPath("targets.classes");
    }

    /** The source file of a test program, for its {@code // RACE} markers. */
    public static Path programSource(String simpleName) {
        return AgentRun.requiredPath("targets.sources").resolve(PROGRAMS.replace('.', '/'))
                .resolve(simpleName + ".java");
    }

    /** {@code src/test/java} of this module. */
    public static Path testSources() {
        return AgentRun.requiredPath("targets.sources");
    }

    /** {@code body} as one dynamic test per installed JDK, named after the JDK. */
    public static Stream<DynamicTest> onEveryJdk(ThrowingConsumer<Jdks.Jdk> body) {
        return onEveryJdk("", body);
    }

    /** {@code body} as one dynamic test per installed JDK, named {@code prefix} + the JDK. */
    public static Stream<DynamicTest> onEveryJdk(String prefix, ThrowingConsumer<Jdks.Jdk> body) {
        List<Jdks.Jdk> jdks = Jdks.all();
        return jdks.stream().map(jdk -> DynamicTest.dynamicTest(prefix + jdk.label(), () -> {
            Assumptions.assumeTrue(jdk.installed(), jdk + " is not installed");
            body.accept(jdk);
        }));
    }
}
