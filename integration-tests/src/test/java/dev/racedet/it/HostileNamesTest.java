package dev.racedet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racedet.agent.AgentOptions;
import dev.racedet.it.instrumentation.InstrumentationRuns;
import dev.racedet.it.support.AgentRun;
import dev.racedet.it.support.HostileNames;
import dev.racedet.it.support.Jdks;
import dev.racedet.it.support.Json;
import dev.racedet.it.support.SarifLog;
import dev.racedet.shaded.bytebuddy.jar.asm.ClassWriter;
import dev.racedet.shaded.bytebuddy.jar.asm.Label;
import dev.racedet.shaded.bytebuddy.jar.asm.MethodVisitor;
import dev.racedet.shaded.bytebuddy.jar.asm.Opcodes;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile names ({@link HostileNames}: quotes, backslashes, line breaks, {@code </script>}, U+2028,
 * bidi overrides, non-ASCII letters, a lone surrogate) round-trip exactly through the JSON and SARIF
 * reports (parsed strictly, SARIF also schema-validated), and the text report prints them escaped,
 * one line per item, with nothing that drives a terminal.
 */
class HostileNamesTest {
    private static final String RACE_HEADER = "WARNING: racedet: data race on field ";
    private static final Pattern SIDE = Pattern.compile(
            "  (?:Previous )?(?:[Rr]ead|[Ww]rite) by thread \"((?:[^\"\\\\]|\\\\.)*)\"(?: \\(.*\\))?:");
    private static final String SOURCE = "dev/racedet/it/hostile/Zähler.java";

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void hostile_thread_class_and_field_names_round_trip_in_json_and_sarif_and_are_escaped_in_text(Jdks.Jdk jdk)
            throws Exception {
        AgentRun run = AgentRun.on(jdk.home());
        Files.createDirectory(run.directory().resolve(".git"));
        Path source = run.directory().resolve("app/src/main/java").resolve(SOURCE);
        Files.createDirectories(source.getParent());
        Files.copy(AgentRun.requiredPath("targets.sources").resolve(SOURCE), source);
        Path sarif = run.directory().resolve("races.sarif");

        AgentRun.Result result = run.agent(new AgentOptions().setInclude("dev.racedet.it.hostile.*")
                        .setJson(run.jsonPath().toString()).setSarif(sarif.toString()))
                .runClass(AgentRun.requiredPath("targets.classes"), HostileNames.SOURCE_CLASS);

        assertEquals(0, result.exitCode(), result::toString);
        List<String> t = HostileNames.THREADS;
        Map<String, Set<String>> threadsByField = Map.of(HostileNames.INSTANCE_FIELD, Set.of(t.get(0), t.get(1)),
                HostileNames.STATIC_FIELD, Set.of(t.get(2), t.get(3)));
        List<Map<String, Object>> races = result.races();
        for (Map<String, Object> race : races) {
            String field = Json.string(race.get("field"));
            assertEquals(threadsByField.get(field), Set.of(thread(race, "access"), thread(race, "previous")), field);
        }
        assertEquals(threadsByField.keySet(), fields(races));

        SarifLog log = SarifLog.read(sarif);
        assertEquals(races.size(), log.results().size());
        for (Map<String, Object> r : log.results()) {
            Map<String, Object> p = Json.object(r.get("properties"));
            String field = Json.string(p.get("field"));
            assertEquals(threadsByField.get(field), Set.of(Json.string(p.get("thread")), Json.string(p.get("previousThread"))));
            assertEquals("app/src/main/java/dev/racedet/it/hostile/Z%C3%A4hler.java",
                    Json.string(SarifLog.artifact(SarifLog.primary(r)).get("uri")));
            assertTrue(Files.isSameFile(source, log.file(SarifLog.primary(r))));
            assertPrintable(Json.string(Json.object(r.get("message")).get("text")));
        }

        assertTextReport(result.stderr(), races);
        Set<String> printedThreads = new TreeSet<>();
        result.stderr().lines().map(SIDE::matcher).filter(Matcher::matches).forEach(m -> printedThreads.add(m.group(1)));
        assertEquals(new TreeSet<>(HostileNames.THREADS_ESCAPED), printedThreads, result.stderr());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(Jdks.INSTALLED)
    void names_only_class_files_allow_round_trip_in_json_and_sarif_and_are_escaped_in_text(Jdks.Jdk jdk)
            throws Exception {
        Path generated = InstrumentationRuns.newDirectory("hostile-generated");
        Files.write(generated.resolve("1.bin"), racyClass());
        Path app = InstrumentationRuns.copyClasses(InstrumentationRuns.newDirectory("hostile-app"),
                InstrumentationRuns.PACKAGE + ".GeneratedClasses", "dev.racedet.it.targets.Racers");
        AgentRun run = AgentRun.on(jdk.home());
        Path sarif = run.directory().resolve("races.sarif");

        AgentRun.Result result = run.agent(new AgentOptions().setInclude("gen.*")
                        .setJson(run.jsonPath().toString()).setSarif(sarif.toString()))
                .runClass(app, InstrumentationRuns.PACKAGE + ".GeneratedClasses", generated.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Set.of(HostileNames.generatedField()), fields(result.races()), result::toString);
        SarifLog log = SarifLog.read(sarif);
        assertFalse(log.results().isEmpty());
        for (Map<String, Object> r : log.results()) {
            assertEquals(HostileNames.generatedField(), Json.string(Json.object(r.get("properties")).get("field")));
            Map<String, Object> artifact = SarifLog.artifact(SarifLog.primary(r));
            assertFalse(artifact.containsKey("uriBaseId"), "no such file under the repository: " + artifact);
            String packagePath = HostileNames.GENERATED_CLASS.substring(0, HostileNames.GENERATED_CLASS.lastIndexOf('/') + 1);
            assertEquals(packagePath + HostileNames.GENERATED_SOURCE_FILE,
                    new URI(Json.string(artifact.get("uri"))).getPath(), "a valid URI reference, decoding to the path");
            assertPrintable(Json.string(Json.object(r.get("message")).get("text")));
        }
        assertTextReport(result.stderr(), result.races());
    }

    /**
     * Every line of the text output is printable (no control, format or separator character), each
     * race has its header line, and the field (and object) names in the headers unescape to the exact
     * names.
     */
    private static void assertTextReport(String stderr, List<Map<String, Object>> races) {
        assertPrintable(stderr.replace("\n", ""));
        List<String> headerFields = new ArrayList<>();
        for (String line : stderr.split("\n", -1)) {
            if (line.startsWith(RACE_HEADER)) {
                String rest = line.substring(RACE_HEADER.length());
                headerFields.add(unescape(rest.substring(0, rest.lastIndexOf(" [R"))));
            }
        }
        assertEquals(races.size(), headerFields.size(), stderr);
        Set<String> expected = races.stream().map(r -> Json.string(r.get("field"))
                + (r.containsKey("object") ? " of " + Json.string(r.get("object")) : "")).collect(Collectors.toSet());
        assertEquals(expected, Set.copyOf(headerFields), stderr);
    }

    private static void assertPrintable(String text) {
        text.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean invisible = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            assertFalse(invisible, () -> String.format("U+%04X printed raw in: %s", c, text));
        });
    }

    /** The text report's escaping undone ({@code \\ \" \n \r \t \}{@code uXXXX}), as documented in the README. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    private static String thread(Map<String, Object> race, String side) {
        return Json.string(Json.object(race.get(side)).get("thread"));
    }

    private static Set<String> fields(List<Map<String, Object>> races) {
        return races.stream().map(r -> Json.string(r.get("field"))).collect(Collectors.toSet());
    }

    /**
     * {@code public class GENERATED_CLASS implements Runnable} whose {@code run()} increments the int
     * field GENERATED_FIELD on line 7 of GENERATED_SOURCE_FILE, for {@code GeneratedClasses}.
     */
    private static byte[] racyClass() {
        String name = HostileNames.GENERATED_CLASS;
        String field = HostileNames.GENERATED_FIELD;
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
                new String[] {"java/lang/Runnable"});
        cw.visitSource(HostileNames.GENERATED_SOURCE_FILE, null);
        cw.visitField(Opcodes.ACC_PRIVATE, field, "I", null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor run = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        Label line = new Label();
        run.visitLabel(line);
        run.visitLineNumber(7, line);
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitVarInsn(Opcodes.ALOAD, 0);
        run.visitFieldInsn(Opcodes.GETFIELD, name, field, "I");
        run.visitInsn(Opcodes.ICONST_1);
        run.visitInsn(Opcodes.IADD);
        run.visitFieldInsn(Opcodes.PUTFIELD, name, field, "I");
        run.visitInsn(Opcodes.RETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
