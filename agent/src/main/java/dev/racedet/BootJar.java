package dev.racedet;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The jar racedet appends to the bootstrap class path: racedet.jar without its JUnit glue.
 *
 * <p><b>Why a copy.</b> Class loaders delegate parent first, so a class in a jar on the bootstrap
 * path is always defined by the bootstrap loader, which cannot see JUnit: the glue
 * ({@code dev.racedet.junit}, named in {@code META-INF/services}) would fail to link. Without it on
 * the bootstrap path, the glue loads from racedet.jar on the system class path (where
 * {@code -javaagent} puts it, or the test class path), links to JUnit there, and its calls into
 * {@code dev.racedet.runtime} still reach the one bootstrap copy of the runtime.
 *
 * <p>The copy is made once per racedet build (keyed by the CRCs of the jar's entries) in a directory
 * private to the user (the {@code cache} directory, {@code ~/.cache/racedet} by default, {@code rwx------}: the jar becomes code of every
 * class loader, so nobody else may be able to swap it), written to a temporary file and renamed
 * atomically, so parallel JVMs (Surefire forks) never see half a jar. Where that directory cannot
 * be used, the copy is a private temporary file of this JVM, deleted at exit.
 */
final class BootJar {
    /** Entries left out of the copy: the glue's classes and its service registrations. */
    private static final String GLUE = "dev/racedet/junit/";
    private static final String GLUE_SERVICES = "META-INF/services/org.junit.";
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private BootJar() {
    }

    /** Where the copy is kept unless the {@code cache} option says otherwise. */
    static final Path DEFAULT_DIRECTORY = Path.of(System.getProperty("user.home"), ".cache", "racedet");

    /**
     * The jar to append for racedet.jar {@code jar}: {@code jar} itself if it has no glue, else its
     * copy without the glue in {@code cacheDirectory} ({@code null}: in a temporary file).
     */
    static File of(File jar, Path cacheDirectory) throws IOException {
        try (ZipFile zip = new ZipFile(jar)) {
            if (zip.getEntry(GLUE) == null && !hasGlue(zip)) {
                return jar;
            }
            String name = "boot-" + Long.toHexString(entriesCrc(zip)) + ".jar";
            Path dir = cacheDirectory == null ? null : privateDirectory(cacheDirectory);
            if (dir != null) {
                Path cached = dir.resolve(name);
                if (!Files.isRegularFile(cached)) {
                    Path tmp = Files.createTempFile(dir, ".boot", ".tmp");
                    write(zip, tmp);
                    move(tmp, cached);
                    removeStale(dir, cached);
                }
                return cached.toFile();
            }
            Path own = Files.createTempFile("racedet-boot", ".jar"); // rw------- by default
            own.toFile().deleteOnExit();
            write(zip, own);
            return own.toFile();
        }
    }

    private static boolean hasGlue(ZipFile zip) {
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            if (isGlue(e.nextElement().getName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGlue(String name) {
        return name.startsWith(GLUE) || name.startsWith(GLUE_SERVICES);
    }

    /** A hash of every entry's name and CRC: differs for any other build of racedet.jar. */
    private static long entriesCrc(ZipFile zip) {
        CRC32 crc = new CRC32();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            crc.update(entry.getName().getBytes(StandardCharsets.UTF_8));
            long c = entry.getCrc();
            for (int shift = 0; shift < 64; shift += 8) {
                crc.update((int) (c >>> shift));
            }
        }
        return (crc.getValue() << 32) | zip.size();
    }

    /** Copies every entry but the glue; fast compression: the copy is read, not shipped. */
    private static void write(ZipFile zip, Path to) throws IOException {
        try (OutputStream file = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(file)) {
            out.setLevel(Deflater.BEST_SPEED);
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (isGlue(entry.getName())) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                    }
                }
                out.closeEntry();
            }
        }
    }

    /** Renames {@code tmp} to {@code target}; another JVM that made the same copy first wins. */
    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
            Files.deleteIfExists(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes the copies of other racedet builds not written for a day (5 MB each), so rebuilding
     * racedet does not fill the cache; recent ones may be about to be opened by a starting JVM. A JVM
     * that already appended one keeps reading it after the deletion (POSIX), or the deletion fails.
     */
    private static void removeStale(Path dir, Path keep) {
        long dayAgo = System.currentTimeMillis() - 24L * 3600 * 1000;
        try (java.nio.file.DirectoryStream<Path> copies = Files.newDirectoryStream(dir, "boot-*.jar")) {
            for (Path copy : copies) {
                try {
                    if (!copy.equals(keep) && Files.getLastModifiedTime(copy).toMillis() < dayAgo) {
                        Files.delete(copy);
                    }
                } catch (IOException e) {
                    // in use, or gone already: left for a later cleanup
                }
            }
        } catch (IOException | RuntimeException e) {
            // the copy made is what matters; cleanup is best effort
        }
    }

    /** {@code directory}, created private if missing, or {@code null} if others could write it. */
    private static Path privateDirectory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory.getParent());
                try {
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
                } catch (FileAlreadyExistsException raced) {
                    // another JVM made it: checked below like any existing one
                }
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
            boolean othersWrite = permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE);
            String owner = Files.getOwner(directory).getName();
            return othersWrite || !owner.equals(System.getProperty("user.name")) ? null : directory;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }
}
