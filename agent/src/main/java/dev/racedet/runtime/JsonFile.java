package dev.racedet.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The {@code json} file, replaced whole on every write: the text goes to a temporary file in the same
 * directory, which is then renamed over the report ({@code ATOMIC_MOVE}, or {@code REPLACE_EXISTING}
 * where the file system cannot rename atomically). A reader, or a JVM killed at any instant, sees
 * either the previous report or the new one, never a part of one.
 *
 * <p>A path that exists and is not a regular file ({@code /dev/stdout}, a pipe) cannot be renamed
 * over: it is written once, at exit. Callers serialize writes (one writer at a time).
 */
final class JsonFile {
    private final Path target;
    private final Path temporary;
    private final boolean replaceable;

    /** @param target absolute path of the report */
    JsonFile(Path target) throws IOException {
        // through a link to the file it names: renaming over the link would replace the link itself
        this.target = Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
        this.temporary = this.target.resolveSibling("." + this.target.getFileName() + ".racedet-tmp");
        this.replaceable = !Files.exists(this.target) || Files.isRegularFile(this.target);
    }

    /** Whether intermediate reports are written (false: only the final one). */
    boolean replaceable() {
        return replaceable;
    }

    Path path() {
        return target;
    }

    void write(String json) throws IOException {
        if (!replaceable) {
            Files.writeString(target, json, StandardCharsets.UTF_8);
            return;
        }
        Files.writeString(temporary, json, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
