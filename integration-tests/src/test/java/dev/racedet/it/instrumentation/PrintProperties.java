package dev.racedet.it.instrumentation;

import java.util.Locale;

/** Prints every system property key that mentions racedet or bytebuddy, then a final line. */
public final class PrintProperties {
    public static void main(String[] args) {
        for (String key : System.getProperties().stringPropertyNames()) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.contains("racedet") || lower.contains("bytebuddy")) {
                System.out.println(key);
            }
        }
        System.out.println("properties checked");
    }
}
