package dev.racedet.it.instrumentation;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JaCoCo execution data file (".exec": header, session and execution data blocks), enough to
 * tell, per class, the class id JaCoCo computed from the bytes it instrumented and how many probes
 * were hit.
 */
public final class JacocoExec {
    private static final int HEADER = 0x01;
    private static final int SESSION = 0x10;
    private static final int EXECUTION = 0x11;

    /** One class's record. */
    public record ClassData(long id, int probesHit) {
    }

    private JacocoExec() {
    }

    /** Class name (internal) -> its data. */
    public static Map<String, ClassData> read(Path exec) throws IOException {
        Map<String, ClassData> classes = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(exec); DataInputStream in = new DataInputStream(raw)) {
            while (true) {
                int block = in.read();
                if (block < 0) {
                    return classes;
                }
                switch (block) {
                    case HEADER -> {
                        in.readChar(); // magic
                        in.readChar(); // format version
                    }
                    case SESSION -> {
                        in.readUTF();
                        in.readLong();
                        in.readLong();
                    }
                    case EXECUTION -> {
                        long id = in.readLong();
                        String name = in.readUTF();
                        classes.put(name, new ClassData(id, probesHit(in)));
                    }
                    default -> throw new IOException("unknown block type " + block);
                }
            }
        } catch (EOFException truncated) {
            throw new IOException("truncated execution data: " + exec, truncated);
        }
    }

    private static int probesHit(DataInputStream in) throws IOException {
        int length = varInt(in);
        int hit = 0;
        int buffer = 0;
        for (int i = 0; i < length; i++) {
            if (i % 8 == 0) {
                buffer = in.readUnsignedByte();
            }
            if ((buffer & 1) != 0) {
                hit++;
            }
            buffer >>>= 1;
        }
        return hit;
    }

    private static int varInt(DataInputStream in) throws IOException {
        int value = in.readUnsignedByte();
        if ((value & 0x80) == 0) {
            return value;
        }
        return (value & 0x7F) | (varInt(in) << 7);
    }
}
