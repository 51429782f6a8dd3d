package dev.racedet.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code json} file, replaced whole on every write: the text goes to a temporary file in the same
 * directory, which is then renamed over the report ({@code ATOMIC_MOVE}, or {@code REPLACE_EXISTING}
 * where the file system cannot rename atomically). A reader, or a JVM killed at any instant, sees
 * either the previous report or the new one, never a part of one.
 *
 * <p>A path that exists and is not a regular file ({@code /dev/stdout}, a pipe, a symbolic link) is
 * not renamed over: it is written in place once, at exit ({@link #inPlaceOptions()}). Callers serialize writes (one writer at a time).
 */
final class JsonFile {
    private final Path target;
    private final Path temporary;
    private final boolean replaceable;

    /** @param target absolute path of the report */
    JsonFile(Path target) {
        this.target = target;
        this.temporary = target.resolveSibling("." + target.getFileName() + ".racedet-tmp");
        // a link may lead anywhere (/dev/stdout leads to whatever file standard output was redirected
        // to): renaming over it or its target could replace a file that is not ours
        this.replaceable = !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether intermediate reports are written (false: only the final one). */
    boolean replaceable() {
        return replaceable;
    }

    Path path() {
        return target;
    }

    /**
     * A stream ({@code /dev/stdout}, even when it leads to a file standard output was redirected to; a
     * pipe) is appended to, so the application's own output there is kept; a linked file is rewritten.
     */
    private OpenOption[] inPlaceOptions() {
        boolean stream = target.startsWith("/dev") || target.startsWith("/proc") || !Files.isRegularFile(target);
        return new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            stream ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING};
    }

    void write(String json) throws IOException {
        if (!replaceable) {
            Files.writeString(target, json, StandardCharsets.UTF_8, inPlaceOptions());
            return;
        }
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // e.g. a reader holding the file open on Windows: a plain replace may still work
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
