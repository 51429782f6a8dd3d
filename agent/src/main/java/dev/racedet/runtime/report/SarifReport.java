package dev.racedet.runtime.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The races as a SARIF 2.1.0 log, the format code scanning services (GitHub's among them) and IDE
 * viewers read. One run of the tool {@code racedet} with one rule, {@value #RULE_ID}, and one result
 * per distinct race:
 * <ul>
 * <li>{@code message}: the field (index, object, test), both threads and operations, the kind
 *     (previous operation, then current) and the id;
 *     names in it are escaped as in the text report ({@link TextEscape}), so it stays one line;</li>
 * <li>{@code locations}: the current access's site; {@code relatedLocations}: the previous access's;</li>
 * <li>{@code codeFlows}: one thread flow per access (its message names the locks held, and says when
 *     the stack is the recorded calling context), its stack outermost frame first (framework frames
 *     left out, {@link Frame#isFramework()}), the access site last and {@code essential};</li>
 * <li>{@code partialFingerprints}: {@code {"racedetRaceId/v1": Race.id()}}, so services match a
 *     race across runs the way racedet's other reports do;</li>
 * <li>{@code properties}: the exact, unescaped names (field, object, test, both threads), the kind, the id.</li>
 * </ul>
 * File locations come from a {@link SourceLocator}: relative to {@code %SRCROOT%} (the repository
 * root, also given as an absolute {@code file:} URI in {@code originalUriBaseIds}) when the file was
 * found, package-relative without a base otherwise. Written by hand: the agent has no JSON library.
 */
public final class SarifReport {
    /** The id of racedet's one rule. */
    public static final String RULE_ID = "data-race";
    /** The key of the race id in {@code partialFingerprints}. */
    public static final String FINGERPRINT = "racedetRaceId/v1";
    private static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final String HELP = "Two threads accessed the same field or array element without a"
            + " happens-before order between them (no common lock, no volatile or atomic hand-off, no thread"
            + " start or join), and at least one of them wrote. The program's outcome then depends on timing:"
            + " updates can be lost and readers can see stale or partly built objects. Make the accesses"
            + " ordered: guard them with the same lock, make the field volatile or atomic, or hand the value"
            + " over through a concurrent collection. Both stacks are in the result's code flow.";

    private SarifReport() {
    }

    /**
     * The whole log as one string, ending with a line break.
     *
     * @param version racedet's version, for {@code tool.driver.version}
     */
    public static String render(Collection<Race> races, SourceLocator sources, String version) {
        StringBuilder b = new StringBuilder(1024 + races.size() * 2048);
        b.append("{\"$schema\": \"").append(SCHEMA).append("\",\n \"version\": \"2.1.0\",\n \"runs\": [{\n");
        tool(b, version);
        baseIds(b, sources);
        b.append("  \"columnKind\": \"utf16CodeUnits\",\n  \"results\": [");
        String separator = "\n   ";
        for (Race r : races) {
            b.append(separator);
            separator = ",\n   ";
            result(b, r, sources);
        }
        b.append(races.isEmpty() ? "]\n" : "\n  ]\n");
        return b.append(" }]}\n").toString();
    }

    private static void tool(StringBuilder b, String version) {
        b.append("  \"tool\": {\"driver\": {\"name\": \"racedet\", \"version\": ");
        JsonText.string(b, version);
        b.append(",\n   \"rules\": [{\"id\": \"").append(RULE_ID).append("\", \"name\": \"DataRace\",")
                .append(" \"shortDescription\": {\"text\": \"Data race: unordered conflicting accesses to a field\"},")
                .append("\n    \"fullDescription\": {\"text\": \"Two threads access the same field or array element")
                .append(" without happens-before order, and at least one writes.\"},\n    \"help\": {\"text\": ");
        JsonText.string(b, HELP);
        b.append("},\n    \"defaultConfiguration\": {\"level\": \"warning\"},")
                .append(" \"properties\": {\"tags\": [\"concurrency\", \"data-race\"], \"precision\": \"high\"}}]}},\n");
    }

    private static void baseIds(StringBuilder b, SourceLocator sources) {
        java.nio.file.Path root = sources.root();
        if (root != null) {
            String uri = root.toUri().toString(); // absolute, percent-encoded, ends with '/' for a directory
            b.append("  \"originalUriBaseIds\": {\"%SRCROOT%\": {\"uri\": ");
            JsonText.string(b, uri.endsWith("/") ? uri : uri + "/");
            b.append("}},\n");
        }
    }

    private static void result(StringBuilder b, Race r, SourceLocator sources) {
        b.append("{\"ruleId\": \"").append(RULE_ID).append("\", \"ruleIndex\": 0, \"level\": \"warning\",\n    \"message\": {\"text\": ");
        JsonText.string(b, message(r));
        b.append("},\n    \"locations\": [");
        location(b, site(r.access()), sources);
        b.append("],\n    \"relatedLocations\": [");
        related(b, r.previous(), sources);
        b.append("],\n    \"codeFlows\": [{\"threadFlows\": [");
        threadFlow(b, r.access(), "", sources);
        b.append(",\n     ");
        threadFlow(b, r.previous(), "previous ", sources);
        b.append("]}],\n    \"partialFingerprints\": {\"").append(FINGERPRINT).append("\": ");
        JsonText.string(b, r.id());
        b.append("},\n    \"occurrenceCount\": ").append(Math.max(1, r.count()));
        properties(b, r);
        b.append('}');
    }

    /** One line: field (object, index), both sides, kind and id; names escaped as in the text report. */
    static String message(Race r) {
        StringBuilder m = new StringBuilder("Data race on ").append(TextEscape.name(r.field()));
        if (r.index() >= 0) {
            m.append(" index ").append(r.index());
        }
        if (!r.object().isEmpty()) {
            m.append(" of ").append(TextEscape.name(r.object()));
        }
        if (!r.test().isEmpty()) {
            m.append(" in test ").append(TextEscape.name(r.test()));
        }
        m.append(": ");
        side(m, r.access(), "");
        m.append(" races with the ");
        side(m, r.previous(), "previous ");
        return m.append(" (").append(r.kind()).append(", ").append(r.id()).append(')').toString();
    }

    private static void side(StringBuilder m, Race.Access a, String prefix) {
        m.append(prefix).append(a.op()).append(" by thread \"").append(TextEscape.name(a.thread()))
                .append("\" at ").append(TextEscape.name(a.location()));
    }

    private static void properties(StringBuilder b, Race r) {
        b.append(",\n    \"properties\": {\"raceId\": ");
        JsonText.string(b, r.id());
        b.append(", \"field\": ");
        JsonText.string(b, r.field());
        b.append(", \"kind\": ");
        JsonText.string(b, r.kind());
        if (r.index() >= 0) {
            b.append(", \"index\": ").append(r.index());
        }
        if (!r.object().isEmpty()) {
            b.append(", \"object\": ");
            JsonText.string(b, r.object());
        }
        if (!r.test().isEmpty()) {
            b.append(", \"test\": ");
            JsonText.string(b, r.test());
        }
        b.append(", \"thread\": ");
        JsonText.string(b, r.access().thread());
        b.append(", \"op\": ");
        JsonText.string(b, r.access().op());
        b.append(", \"previousThread\": ");
        JsonText.string(b, r.previous().thread());
        b.append(", \"previousOp\": ");
        JsonText.string(b, r.previous().op());
        b.append('}');
    }

    private static void related(StringBuilder b, Race.Access previous, SourceLocator sources) {
        b.append("{\"id\": 1, ");
        locationBody(b, site(previous), sources);
        b.append(", \"message\": {\"text\": ");
        JsonText.string(b, "previous " + previous.op() + " by thread \"" + TextEscape.name(previous.thread()) + "\"");
        b.append("}}");
    }

    private static void threadFlow(StringBuilder b, Race.Access a, String prefix, SourceLocator sources) {
        b.append("{\"message\": {\"text\": ");
        JsonText.string(b, prefix + a.op() + " by thread \"" + TextEscape.name(a.thread()) + "\""
                + (a.locksHeld().isEmpty() ? ", holding no lock" : ", holding " + TextEscape.name(String.join(", ", a.locksHeld())))
                + (a.recorded() ? " (stack recorded with the access: checked code only)" : ""));
        b.append("}, \"locations\": [");
        List<Frame> frames = shown(a);
        for (int i = frames.size() - 1; i >= 0; i--) { // execution order: outermost call first
            b.append(i == frames.size() - 1 ? "\n      " : ",\n      ");
            b.append("{\"location\": ");
            location(b, frames.get(i), sources);
            b.append(", \"nestingLevel\": ").append(frames.size() - 1 - i)
                    .append(", \"importance\": \"").append(i == 0 ? "essential" : "important").append("\"}");
        }
        b.append("]}");
    }

    /** The stack without framework frames, innermost first; never empty (the site stays). */
    private static List<Frame> shown(Race.Access a) {
        List<Frame> all = a.stack();
        List<Frame> kept = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            if (i == 0 || !all.get(i).isFramework()) {
                kept.add(all.get(i));
            }
        }
        if (kept.isEmpty()) {
            kept.add(site(a));
        }
        return kept;
    }

    /** The access site: the top frame of its stack, else its location read back. */
    private static Frame site(Race.Access a) {
        List<Frame> frames = a.stack();
        if (!frames.isEmpty()) {
            return frames.get(0);
        }
        Frame parsed = Frame.parse(a.location());
        return parsed != null ? parsed : new Frame(a.location(), "", null, -1);
    }

    private static void location(StringBuilder b, Frame f, SourceLocator sources) {
        b.append('{');
        locationBody(b, f, sources);
        b.append('}');
    }

    /** The members of a location: a physical location when the file is known, and the method. */
    private static void locationBody(StringBuilder b, Frame f, SourceLocator sources) {
        SourceLocator.Resolved where = sources.locate(f);
        if (where != null) {
            b.append("\"physicalLocation\": {\"artifactLocation\": {\"uri\": ");
            JsonText.string(b, where.uri());
            if (where.resolved()) {
                b.append(", \"uriBaseId\": \"%SRCROOT%\"");
            }
            b.append('}');
            if (f.line() > 0) {
                b.append(", \"region\": {\"startLine\": ").append(f.line()).append('}');
            }
            b.append("}, ");
        }
        b.append("\"logicalLocations\": [{\"fullyQualifiedName\": ");
        JsonText.string(b, f.method().isEmpty() ? f.className() : f.className() + "." + f.method());
        b.append(", \"kind\": \"function\"}]");
    }
}
