package dev.racedet.it.support;

import java.util.List;

/**
 * Names chosen to break report formats, for the hostile-input tests of every format (text, JSON,
 * SARIF, and the HTML report: {@code HostileNamesTest} shows how to run the targets and what each
 * name must come out as). Java source allows only letters, digits, {@code $} and {@code _} in class
 * and field names, so the quotes, line breaks, markup and bidi controls are in thread names, and in
 * the names of classes generated with ASM ({@link #GENERATED_CLASS}), which the class file format
 * allows.
 */
public final class HostileNames {
    /** The source target, {@code dev.racedet.it.hostile.Zähler}: non-ASCII letters in class and file name. */
    public static final String SOURCE_CLASS = "dev.racedet.it.hostile.Zähler";
    /** Its instance field, raced by {@code THREADS[0]} and {@code THREADS[1]}. */
    public static final String INSTANCE_FIELD = SOURCE_CLASS + ".名前$wert";
    /** Its static field, raced by {@code THREADS[2]} and {@code THREADS[3]}. */
    public static final String STATIC_FIELD = SOURCE_CLASS + ".$ünï_κ";

    /** The thread names the target's racers give themselves, in racer order. */
    public static final List<String> THREADS = List.of(
            "quote\" back\\slash\nnew line\r\ttab",
            "</script><script>alert(\"x\")</script><!--",
            "line\u2028sep\u2029para \u202Ebidi override\u202C \u2066isolate\u2069 zero\u200Bwidth",
            "esc\u001b[2J Zähler 名前 \uD83D\uDE00 lone\uD800 end");

    /**
     * The same names as the text report must print them (escaped, one line; {@code TextEscape}):
     * written out by hand, as the specification of the escaping.
     */
    public static final List<String> THREADS_ESCAPED = List.of(
            "quote\\\" back\\\\slash\\nnew line\\r\\ttab",
            "</script><script>alert(\\\"x\\\")</script><!--",
            "line\\u2028sep\\u2029para \\u202ebidi override\\u202c \\u2066isolate\\u2069 zero\\u200bwidth",
            "esc\\u001b[2J Zähler 名前 \uD83D\uDE00 lone\\ud800 end");

    /**
     * The internal name of the class the ASM-generated target defines: a quote, a backslash, a line
     * break, a line separator and a bidi override in the class name, and {@code </script>} across the
     * package boundary (its {@code /} separates packages), so the binary name is
     * {@code gen.x</script>} up to the last dot. Its field is {@link #GENERATED_FIELD}, its source
     * file {@link #GENERATED_SOURCE_FILE}.
     */
    public static final String GENERATED_CLASS = "gen/x</script>q\"b\\n\nl\u2028r\u202Eü";
    /** The generated class's raced field (the class file format forbids only {@code . ; [ /} here). */
    public static final String GENERATED_FIELD = "f\"\\\n\u2029\u202E名<b>";
    /** The generated class's {@code SourceFile}. */
    public static final String GENERATED_SOURCE_FILE = "E\"vil\n</script>.java";

    private HostileNames() {
    }

    /** The generated field's name as reports give it: {@code binary.class.name.field}. */
    public static String generatedField() {
        return GENERATED_CLASS.replace('/', '.') + "." + GENERATED_FIELD;
    }
}
