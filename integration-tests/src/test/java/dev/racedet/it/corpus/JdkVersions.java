package dev.racedet.it.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The feature version (17, 21, 25, ...) of an installed JDK, read from its {@code release} file. */
public final class JdkVersions {
    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private JdkVersions() {
    }

    /**
     * The feature version of the JDK at {@code home}.
     *
     * @throws IllegalStateException if the home has no readable {@code release} file naming a version
     */
    public static int feature(Path home) {
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(home.resolve("release")));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + home.resolve("release"), e);
        }
        throw new IllegalStateException("no JAVA_VERSION in " + home.resolve("release"));
    }
}
