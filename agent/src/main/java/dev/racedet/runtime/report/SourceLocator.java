package dev.racedet.runtime.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the source file of a reported frame, so that SARIF locations name the file as a path relative
 * to the repository root, the form GitHub code scanning shows ({@code demo-app/src/main/java/demo/UnsafeCounter.java}).
 *
 * <p>A class file only says its package and its source file's simple name ({@code demo/UnsafeCounter.java}).
 * That package-relative path is looked up, in this order, under
 * <ol>
 * <li>the source roots of the working directory, which Maven and Surefire set to the module being
 *     built or tested: its {@code src/<anything>/java} directories, then the directory itself;</li>
 * <li>the {@code src/<anything>/java} directories anywhere in the repository (a bounded walk that
 *     skips hidden directories, {@code target}, {@code build}, {@code out} and {@code node_modules}), then the
 *     repository root itself. A path found in more than one of them is ambiguous and left unresolved:
 *     naming the wrong file is worse than naming none.</li>
 * </ol>
 * The repository root is the {@code sourceRoot} option when given, else the nearest directory at or
 * above the working directory that holds a {@code .git} entry (a directory, or the file of a worktree
 * or submodule), else the working directory. A file that is not found, or not under the root, keeps
 * its package-relative path and is marked unresolved.
 *
 * <p>The file system is first read when the first frame is looked up (not at startup); the repository
 * is walked once, and only if a file is missing from the working directory's roots (under Surefire,
 * the module's own classes never need the walk). Results are cached per path. Thread-safe (the methods are synchronized: callers are report writers, never
 * the hooks).
 */
public final class SourceLocator {
    /** The most directories the repository walk visits: a huge tree costs a bounded time, once. */
    private static final int MAX_VISITED = 20_000;
    private static final int MAX_DEPTH = 12;

    private final Path workingDirectory;
    private final Path explicitRoot;
    private Path root;
    private List<Path> localRoots;
    private List<Path> repositoryRoots;
    private final Map<String, Resolved> cache = new HashMap<>();

    /** Where a source file is: {@code uri} is relative, percent-encoded; {@code resolved} says whether it is relative to {@link #root()}. */
    public record Resolved(String uri, boolean resolved) {
    }

    private SourceLocator(Path workingDirectory, Path explicitRoot) {
        this.workingDirectory = workingDirectory;
        this.explicitRoot = explicitRoot;
    }

    /**
     * @param workingDirectory the JVM's working directory, absolute; {@code null} resolves nothing
     *     (every frame keeps its package-relative path)
     * @param explicitRoot the repository root given by the user, absolute, or {@code null} to look for it
     */
    public static SourceLocator of(Path workingDirectory, Path explicitRoot) {
        return new SourceLocator(workingDirectory, explicitRoot);
    }

    /** A locator that resolves nothing. */
    public static SourceLocator none() {
        return new SourceLocator(null, null);
    }

    /** The repository root URIs are relative to, or {@code null} if there is none. */
    public synchronized Path root() {
        scan();
        return root;
    }

    /**
     * Where the source of {@code frame} is, or {@code null} when the frame has no file name.
     */
    public synchronized Resolved locate(Frame frame) {
        if (frame.file() == null || frame.file().isEmpty()) {
            return null;
        }
        String relative = packagePath(frame.className()) + frame.file();
        if (isJdk(frame.className())) { // never in the user's repository: no need to look (or walk)
            return new Resolved(encodePath(relative), false);
        }
        return cache.computeIfAbsent(relative, this::resolve);
    }

    private static boolean isJdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }

    /** {@code demo/} for {@code demo.Outer$Inner}; empty for the unnamed package. */
    static String packagePath(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot + 1).replace('.', '/');
    }

    private Resolved resolve(String packageRelative) {
        scan();
        Path file = find(localRoots, packageRelative, false);
        if (file == null && root != null) {
            if (repositoryRoots == null) { // walked only when the working directory's roots miss
                repositoryRoots = walk(root);
                repositoryRoots.add(root);
            }
            file = find(repositoryRoots, packageRelative, true);
        }
        if (file != null && root != null && file.startsWith(root)) {
            StringBuilder uri = new StringBuilder();
            for (Path part : root.relativize(file)) {
                if (uri.length() > 0) {
                    uri.append('/');
                }
                encodeSegment(uri, part.toString());
            }
            return new Resolved(uri.toString(), true);
        }
        return new Resolved(encodePath(packageRelative), false);
    }

    /** The first root holding {@code relative}; with {@code unique}, null when several do. */
    private static Path find(List<Path> roots, String relative, boolean unique) {
        Path found = null;
        for (Path r : roots) {
            Path candidate;
            try {
                candidate = r.resolve(relative).normalize();
            } catch (RuntimeException e) { // a name the file system cannot represent
                return null;
            }
            if (candidate.startsWith(r) && Files.isRegularFile(candidate)) {
                if (!unique) {
                    return candidate;
                }
                if (found != null && !found.equals(candidate)) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }

    private void scan() {
        if (localRoots != null) {
            return;
        }
        localRoots = new ArrayList<>();
        if (workingDirectory == null) {
            return;
        }
        root = explicitRoot != null ? explicitRoot : repositoryRoot(workingDirectory);
        localRoots.addAll(javaRootsUnder(workingDirectory.resolve("src")));
        localRoots.add(workingDirectory);
    }

    /** The nearest directory at or above {@code dir} holding {@code .git}, else {@code dir}. */
    static Path repositoryRoot(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(".git"))) {
                return d;
            }
        }
        return dir;
    }

    /** {@code src/main/java}, {@code src/test/java}, then other {@code src/<x>/java}, for one {@code src}. */
    private static List<Path> javaRootsUnder(Path src) {
        List<Path> roots = new ArrayList<>();
        for (String preferred : new String[] {"main", "test"}) {
            Path p = src.resolve(preferred).resolve("java");
            if (Files.isDirectory(p)) {
                roots.add(p);
            }
        }
        try (var children = Files.list(src)) {
            children.sorted().map(c -> c.resolve("java"))
                    .filter(p -> Files.isDirectory(p) && !roots.contains(p)).forEach(roots::add);
        } catch (IOException | RuntimeException e) {
            // no src directory, or unreadable: nothing to add
        }
        return roots;
    }

    /** Every {@code src/<x>/java} below {@code top}, in walk order, within the visit budget. */
    private static List<Path> walk(Path top) {
        List<Path> found = new ArrayList<>();
        int[] visited = {0};
        try {
            Files.walkFileTree(top, EnumSet.noneOf(java.nio.file.FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (++visited[0] > MAX_VISITED) {
                                return FileVisitResult.TERMINATE;
                            }
                            Path name = dir.getFileName();
                            String n = name == null ? "" : name.toString();
                            if (!dir.equals(top) && skipped(n)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (n.equals("src")) {
                                found.addAll(javaRootsUnder(dir));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            // keep what was found
        }
        return found;
    }

    private static boolean skipped(String name) {
        return name.startsWith(".") || name.equals("target") || name.equals("build") || name.equals("out")
                || name.equals("node_modules");
    }

    /** {@code relative} ('/'-separated) with each segment percent-encoded. */
    static String encodePath(String relative) {
        StringBuilder b = new StringBuilder();
        int start = 0;
        for (int slash = relative.indexOf('/'); slash >= 0; slash = relative.indexOf('/', start)) {
            encodeSegment(b, relative.substring(start, slash));
            b.append('/');
            start = slash + 1;
        }
        return encodeSegment(b, relative.substring(start)).toString();
    }

    /**
     * Appends a path segment as RFC 3986 allows it in a relative reference: unreserved characters as
     * they are, every other byte of its UTF-8 form as {@code %XX} ({@code :} included, which would
     * otherwise read as a scheme; non-ASCII letters included, since SARIF wants URIs, not IRIs).
     */
    static StringBuilder encodeSegment(StringBuilder b, String segment) {
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b;
    }
}
