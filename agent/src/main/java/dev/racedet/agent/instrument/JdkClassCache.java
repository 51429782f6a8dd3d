package dev.racedet.agent.instrument;

import dev.racedet.runtime.JdkFields;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * JDK classes as racedet instrumented them, kept on disk between JVMs of the same JDK and racedet
 * build: instrumenting the few hundred JDK classes a JVM loads costs about a second, mostly in
 * racedet's own code running cold, on every start; reading them back costs milliseconds.
 *
 * <p>A snapshot file holds the {@link JdkFields} keys (the ids baked into the classes) and, per
 * class, the CRC of the original bytes and the instrumented bytes (or "left as it is"). It is used
 * only when its keys can start this JVM's JDK id space and its identity (JDK home and version, and
 * the CRCs of every entry of racedet's jar) matches; a class is taken from it only when its
 * original bytes have the same CRC. New results are saved as a new snapshot, written to a temporary
 * file and renamed over the old one, so concurrent JVMs never see a partial file. The directory is
 * created private to the user, and one that others can write is not used: its contents become code
 * in the JDK. Any failure just means no cache.
 */
final class JdkClassCache {
    private static final int MAGIC = 0x52434a43; // "RCJC"
    private static final int FORMAT = 1;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    /** A class's original CRC and instrumented bytes ({@code null}: left as it is). */
    record Entry(int crc, byte[] bytes) {
    }

    private final Path file;
    private final String identity;
    private final Map<String, Entry> saved;
    private final Map<String, Entry> fresh = new ConcurrentHashMap<>();

    private JdkClassCache(Path file, String identity, Map<String, Entry> saved) {
        this.file = file;
        this.identity = identity;
        this.saved = saved;
    }

    /** A cache that keeps nothing. */
    static JdkClassCache none() {
        return new JdkClassCache(null, null, Map.of());
    }

    /**
     * Opens the cache in {@code directory} ({@code null}: none) and, if a snapshot is there and fits,
     * starts the JDK field ids from it. Call before any JDK class is instrumented.
     */
    static JdkClassCache open(Path directory) {
        if (directory == null) {
            return none();
        }
        try {
            String identity = identity();
            Path dir = privateDirectory(directory);
            if (dir == null) {
                return none();
            }
            Path file = dir.resolve("jdk-" + Integer.toHexString(crc(identity.getBytes("UTF-8"))) + ".classes");
            return new JdkClassCache(file, identity, new ConcurrentHashMap<>(read(file, identity)));
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    /** The saved result for class {@code name} whose original bytes are {@code original}, or null. */
    Entry find(String name, byte[] original) {
        Entry e = saved.get(name);
        if (e == null) {
            e = fresh.get(name);
        }
        return e != null && e.crc() == crc(original) ? e : null;
    }

    /** Whether class {@code name} is known to need no instrumentation (for the loaded-class scan). */
    boolean knownUnchanged(String name) {
        Entry e = saved.get(name);
        return e != null && e.bytes() == null;
    }

    /** Records the result of instrumenting {@code name}, for the next snapshot. */
    void record(String name, byte[] original, byte[] result) {
        if (file != null && !saved.containsKey(name)) {
            fresh.put(name, new Entry(crc(original), result));
        }
    }

    /** Writes a new snapshot if anything was recorded since the last one; never throws. */
    synchronized void save() {
        if (file == null || fresh.isEmpty()) {
            return;
        }
        try {
            Map<String, Entry> all = new HashMap<>(saved);
            all.putAll(fresh);
            List<String> keys = JdkFields.keys();
            Path tmp = Files.createTempFile(file.getParent(), ".racedet", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(identity);
                out.writeInt(keys.size());
                for (String key : keys) {
                    out.writeUTF(key);
                }
                out.writeInt(all.size());
                for (Map.Entry<String, Entry> e : all.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().crc());
                    byte[] bytes = e.getValue().bytes();
                    out.writeInt(bytes == null ? -1 : bytes.length);
                    if (bytes != null) {
                        out.write(bytes);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            saved.putAll(fresh);
            fresh.clear();
        } catch (IOException | RuntimeException e) {
            // no cache this time
        }
    }

    private static Map<String, Entry> read(Path file, String identity) throws IOException {
        Map<String, Entry> entries = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(identity)) {
                return entries;
            }
            String[] keys = new String[in.readInt()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = in.readUTF();
            }
            Map<String, Entry> read = new HashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                String name = in.readUTF();
                int crc = in.readInt();
                int length = in.readInt();
                read.put(name, new Entry(crc, length < 0 ? null : in.readNBytes(length)));
            }
            if (JdkFields.preload(List.of(keys))) {
                entries.putAll(read);
            }
        }
        return entries;
    }

    /** {@code directory}, created private if missing, or {@code null} if others could write it. */
    private static Path privateDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory.getParent());
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another JVM made it: checked below like any existing one
            }
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        boolean othersWrite = permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        String owner = Files.getOwner(directory).getName();
        return othersWrite || !owner.equals(System.getProperty("user.name")) ? null : directory;
    }

    /** The JDK and the racedet build this JVM runs: the key a snapshot must match. */
    private static String identity() throws IOException {
        StringBuilder id = new StringBuilder()
                .append(System.getProperty("java.home")).append('|')
                .append(System.getProperty("java.runtime.version")).append('|')
                .append(System.getProperty("java.vm.version")).append('|');
        String jar = racedetJar();
        CRC32 entries = new CRC32();
        try (ZipFile zip = new ZipFile(jar)) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                entries.update(entry.getName().getBytes("UTF-8"));
                long crc = entry.getCrc();
                for (int shift = 0; shift < 64; shift += 8) {
                    entries.update((int) (crc >>> shift));
                }
            }
        }
        return id.append(Long.toHexString(entries.getValue())).toString();
    }

    /** The racedet jar this JVM was started with (the agent jar, on the system class path). */
    private static String racedetJar() throws IOException {
        java.net.URL premain = ClassLoader.getSystemResource("dev/racedet/Premain.class");
        String url = premain == null ? "" : premain.toString();
        if (!url.startsWith("jar:file:") || !url.contains("!/")) {
            throw new IOException("racedet is not running from its jar");
        }
        try {
            return Path.of(new java.net.URI(url.substring("jar:".length(), url.indexOf("!/")))).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
