package dev.racedet.it.thirdparty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Builds an executable jar in Spring Boot's layout, as its Maven and Gradle plugins do: the real
 * {@code spring-boot-loader} classes at the root, {@code Main-Class} its {@code JarLauncher} and
 * {@code Start-Class} the application's main class, the application's classes under
 * {@code BOOT-INF/classes/} and its libraries as nested jars under {@code BOOT-INF/lib/}, stored
 * uncompressed (the loader reads them in place and refuses compressed ones).
 */
public final class FatJar {
    private static final String LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    private final JarOutputStream out;
    private final Set<String> written = new HashSet<>();

    private FatJar(Path jar, String startClass) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, LAUNCHER);
        main.putValue("Start-Class", startClass);
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        written.add("META-INF/");
        written.add(JarFile.MANIFEST_NAME);
    }

    /**
     * Writes {@code jar}: the loader's classes from {@code loaderJar}, every class file under
     * {@code classesRoot} whose path relative to it starts with one of {@code classPrefixes}
     * (e.g. {@code com/acme/App}), and {@code libraries} as nested jars.
     */
    public static void write(Path jar, String startClass, Path loaderJar, Path classesRoot,
                             Set<String> classPrefixes, Path... libraries) throws IOException {
        FatJar fat = new FatJar(jar, startClass);
        try (fat.out) {
            fat.copyLoader(loaderJar);
            fat.directory("BOOT-INF/classes/");
            fat.copyClasses(classesRoot, classPrefixes);
            fat.directory("BOOT-INF/lib/");
            for (Path library : libraries) {
                fat.stored("BOOT-INF/lib/" + library.getFileName(), Files.readAllBytes(library));
            }
        }
    }

    private void copyLoader(Path loaderJar) throws IOException {
        try (JarFile loader = new JarFile(loaderJar.toFile())) {
            for (Enumeration<JarEntry> entries = loader.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith("org/") && !entry.isDirectory()) {
                    try (InputStream in = loader.getInputStream(entry)) {
                        deflated(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private void copyClasses(Path root, Set<String> prefixes) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(".class") && prefixes.stream().anyMatch(relative::startsWith)) {
                    deflated("BOOT-INF/classes/" + relative, Files.readAllBytes(file));
                }
            }
        }
    }

    /** Writes the parent directory entries of {@code name} that are not written yet. */
    private void parents(String name) throws IOException {
        for (int slash = name.indexOf('/'); slash >= 0 && slash < name.length() - 1; slash = name.indexOf('/', slash + 1)) {
            directory(name.substring(0, slash + 1));
        }
    }

    private void directory(String name) throws IOException {
        if (!written.contains(name)) {
            parents(name);
            written.add(name);
            out.putNextEntry(new ZipEntry(name));
            out.closeEntry();
        }
    }

    private void deflated(String name, byte[] content) throws IOException {
        parents(name);
        if (written.add(name)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
        }
    }

    /** A STORED entry needs its size and CRC up front. */
    private void stored(String name, byte[] content) throws IOException {
        parents(name);
        written.add(name);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }
}
