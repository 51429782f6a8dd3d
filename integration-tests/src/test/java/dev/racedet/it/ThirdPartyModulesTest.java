package dev.racedet.it;

import static dev.racedet.it.thirdparty.RaceAssertions.assertHostUnharmed;
import static dev.racedet.it.thirdparty.RaceAssertions.assertRacesExactly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.thirdparty.Javac;
import dev.racedet.it.thirdparty.JvmRun;
import dev.racedet.it.thirdparty.ThirdParty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Programs in named modules on {@code --module-path}, launched with {@code -m module/class}: the
 * application module {@code com.acme.mod} and the library module {@code com.acme.lib} it reads,
 * neither of which opens a package. Their sources are resources
 * ({@code src/test/resources/thirdparty/modules}), compiled by the test.
 */
class ThirdPartyModulesTest {
    private static Path sources;
    private static Path modules;

    @BeforeAll
    static void compileModules() throws Exception {
        sources = Javac.sources("modules");
        modules = Files.createTempDirectory("racedet-modules");
        Javac.modules(sources, modules);
    }

    @TestFactory
    Stream<DynamicTest> race_inside_a_named_module_is_found_and_trap_is_silent() {
        return ThirdParty.onEveryJdk(jdk -> {
            AgentRun.Result result = run(jdk, "com.acme.mod.Main");

            assertHostUnharmed(result);
            assertEquals("guarded 10000\n", result.stdout(), result::toString);
            assertRacesExactly(result, Set.of("com.acme.mod.Main$Counter.value"), source("com.acme.mod", "Main"));
        });
    }

    @TestFactory
    Stream<DynamicTest> race_on_a_field_of_another_named_module_is_found_and_trap_is_silent() {
        return ThirdParty.onEveryJdk(jdk -> {
            AgentRun.Result result = run(jdk, "com.acme.mod.CrossModule");

            assertHostUnharmed(result);
            assertEquals("audits 10000\n", result.stdout(), result::toString);
            assertRacesExactly(result, Set.of("com.acme.lib.Account.balance"),
                    source("com.acme.mod", "CrossModule"), source("com.acme.lib", "Account"));
        });
    }

    private static AgentRun.Result run(Jdks.Jdk jdk, String mainClass) throws Exception {
        return JvmRun.on(jdk).racedet().args("--module-path", modules.toString(), "-m", "com.acme.mod/" + mainClass)
                .run();
    }

    private static Path source(String module, String simpleName) {
        return sources.resolve(module).resolve(module.replace('.', '/')).resolve(simpleName + ".java");
    }
}
