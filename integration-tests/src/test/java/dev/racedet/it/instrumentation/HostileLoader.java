package dev.racedet.it.instrumentation;

import java.io.IOException;
import java.io.InputStream;

/**
 * A class loader whose {@code hashCode}/{@code equals}/{@code toString} throw (and count their
 * calls), defining a class from bytes.
 */
final class HostileLoader extends ClassLoader {
    HostileLoader(ClassLoader parent) {
        super(parent);
    }

    Class<?> defineFromResource(String name) throws IOException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    @Override
    public int hashCode() {
        HostileThread.CALLS.incrementAndGet();
        throw new IllegalStateException("hashCode of an application loader called");
    }

    @Override
    public boolean equals(Object other) {
        HostileThread.CALLS.incrementAndGet();
        throw new IllegalStateException("equals of an application loader called");
    }

    @Override
    public String toString() {
        HostileThread.CALLS.incrementAndGet();
        throw new IllegalStateException("toString of an application loader called");
    }
}
