package bench.real;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads and links every class of a set of ordinary library jars, without initializing any: the
 * class-loading part of an application's startup, alone. It is in the set because racedet transforms
 * every class a checked package loads, so loading is where its startup cost is, and this measures
 * that cost per class without the noise of what a framework does at startup.
 *
 * <p>All jars of the directory go into one {@code URLClassLoader} (so references between them
 * resolve), whose parent is the platform loader (our class path is not seen). Every {@code .class}
 * entry (not {@code module-info}, {@code package-info} nor {@code META-INF/versions}) is loaded with
 * {@code Class.forName(name, false, loader)}, which loads without initializing, then linked by
 * {@code getDeclaredFields()}: HotSpot links (verifies and prepares) a class before it reflects on its
 * fields, and linking runs no static initializer. A class counts as failed when loading or linking
 * throws (an optional dependency that is not there, for instance): a fixed set of jars gives the same
 * counts every run, printed as {@code classes N, failed M, jars J}.
 *
 * <p>Usage: {@code ClassLoad JAR_DIRECTORY}.
 */
public final class ClassLoad {
    public static void main(String[] args) throws IOException {
        File[] jars = new File(args[0]).listFiles((dir, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IOException("no jars in " + args[0]);
        }
        Arrays.sort(jars); // the same order every run: which class loads first can change what fails
        URL[] urls = new URL[jars.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toURI().toURL();
            names.addAll(classNames(jars[i]));
        }
        int loaded = 0;
        int failed = 0;
        try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
            for (String name : names) {
                try {
                    Class<?> c = Class.forName(name, false, loader);
                    c.getDeclaredFields();
                    loaded++;
                } catch (LinkageError | ClassNotFoundException | SecurityException e) {
                    failed++;
                }
            }
        }
        System.out.println("classes " + loaded + ", failed " + failed + ", jars " + jars.length);
    }

    private static List<String> classNames(File jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar)) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String entry = e.nextElement().getName();
                if (entry.endsWith(".class") && !entry.startsWith("META-INF/")
                        && !entry.endsWith("module-info.class") && !entry.endsWith("package-info.class")) {
                    names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        Collections.sort(names);
        return names;
    }
}
