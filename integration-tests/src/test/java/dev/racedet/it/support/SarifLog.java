package dev.racedet.it.support;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A SARIF file racedet wrote, validated against the official SARIF 2.1.0 schema (test resource
 * {@code sarif/sarif-schema-2.1.0.json}, JSON Schema draft 4, format assertions on) and parsed with
 * {@link Json}. Accessors fail the test when the file does not have the shape racedet writes: one run.
 */
public final class SarifLog {
    private static final Schema SCHEMA = loadSchema();

    private final Map<String, Object> run;

    private SarifLog(Map<String, Object> run) {
        this.run = run;
    }

    /** Reads, validates and parses {@code file}; fails with every schema violation listed. */
    public static SarifLog read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new AssertionError("no SARIF file was written: " + file);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> errors = schemaErrors(text);
        if (!errors.isEmpty()) {
            throw new AssertionError("SARIF file violates the SARIF 2.1.0 schema: " + errors + "\n" + text);
        }
        Map<String, Object> log = Json.object(Json.parse(text));
        List<Object> runs = Json.array(log.get("runs"));
        if (runs.size() != 1) {
            throw new AssertionError("expected one run, got " + runs.size());
        }
        return new SarifLog(Json.object(runs.get(0)));
    }

    /** The schema violations of a SARIF text, as messages; empty when it is valid. */
    public static List<String> schemaErrors(String text) {
        return SCHEMA.validate(text, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    public Map<String, Object> run() {
        return run;
    }

    public List<Map<String, Object>> results() {
        return Json.array(run.get("results")).stream().map(Json::object).toList();
    }

    /** The absolute URI {@code %SRCROOT%} stands for. */
    public URI sourceRoot() {
        Map<String, Object> base = Json.object(Json.object(run.get("originalUriBaseIds")).get("%SRCROOT%"));
        return URI.create(Json.string(base.get("uri")));
    }

    /** The file a location names: its uri resolved against {@code %SRCROOT%} (which it must use). */
    public Path file(Map<String, Object> location) {
        Map<String, Object> artifact = artifact(location);
        if (!"%SRCROOT%".equals(artifact.get("uriBaseId"))) {
            throw new AssertionError("location not relative to %SRCROOT%: " + location);
        }
        return Path.of(sourceRoot().resolve(Json.string(artifact.get("uri"))));
    }

    /** A location's {@code artifactLocation}. */
    public static Map<String, Object> artifact(Map<String, Object> location) {
        return Json.object(Json.object(location.get("physicalLocation")).get("artifactLocation"));
    }

    /** A location's start line. */
    public static long startLine(Map<String, Object> location) {
        return Json.integer(Json.object(Json.object(location.get("physicalLocation")).get("region")).get("startLine"));
    }

    /** A result's primary location. */
    public static Map<String, Object> primary(Map<String, Object> result) {
        return Json.object(Json.array(result.get("locations")).get(0));
    }

    /** A result's related location (the previous access). */
    public static Map<String, Object> related(Map<String, Object> result) {
        return Json.object(Json.array(result.get("relatedLocations")).get(0));
    }

    /** The thread flows of a result's one code flow: the current access, then the previous one. */
    public static List<Map<String, Object>> threadFlows(Map<String, Object> result) {
        Map<String, Object> flow = Json.object(Json.array(result.get("codeFlows")).get(0));
        return Json.array(flow.get("threadFlows")).stream().map(Json::object).toList();
    }

    /** The race id in a result's {@code partialFingerprints}. */
    public static String raceId(Map<String, Object> result) {
        return Json.string(Json.object(result.get("partialFingerprints")).get("racedetRaceId/v1"));
    }

    private static Schema loadSchema() {
        try (InputStream in = SarifLog.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("test resource sarif/sarif-schema-2.1.0.json is missing");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
