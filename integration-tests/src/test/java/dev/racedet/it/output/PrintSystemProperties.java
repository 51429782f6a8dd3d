package dev.racedet.it.output;

import java.util.Map;
import java.util.TreeMap;

/** Prints every system property as {@code key=value}, one per line (line breaks in values escaped). */
public final class PrintSystemProperties {
    public static void main(String[] args) {
        Map<String, String> sorted = new TreeMap<>();
        System.getProperties().forEach((k, v) -> sorted.put(String.valueOf(k), String.valueOf(v)));
        sorted.forEach((k, v) -> System.out.println(k + "=" + v.replace("\n", "\\n").replace("\r", "\\r")));
    }
}
