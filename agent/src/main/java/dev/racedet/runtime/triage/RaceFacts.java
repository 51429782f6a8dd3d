package dev.racedet.runtime.triage;

import dev.racedet.runtime.report.Frame;
import dev.racedet.runtime.report.Race;
import java.util.ArrayList;
import java.util.List;

/**
 * What suppression rules and in-code marks are matched against, taken once from a new race: the
 * field, the two access sites and every frame of both stacks, as {@code pkg.Class} and
 * {@code method} names. The only place that knows the shape of {@link Race}.
 */
record RaceFacts(String field, List<Site> sites, List<Site> frames) {
    /** A code location: the binary class name and the method name. */
    record Site(String className, String method) {
        String qualified() {
            return className + "." + method;
        }

        String packageName() {
            int dot = className.lastIndexOf('.');
            return dot < 0 ? "" : className.substring(0, dot);
        }
    }

    static RaceFacts of(Race race) {
        List<Site> sites = new ArrayList<>(2);
        List<Site> frames = new ArrayList<>();
        for (Race.Access access : new Race.Access[] {race.access(), race.previous()}) {
            Site site = parse(access.location());
            if (site != null) {
                sites.add(site);
                frames.add(site);
            }
            for (Frame frame : access.stack()) {
                frames.add(new Site(frame.className(), frame.method()));
            }
        }
        return new RaceFacts(race.field(), sites, frames);
    }

    /** The field without the {@code []} of an array element ({@code demo.Grid.cells[][]} is {@code demo.Grid.cells}). */
    String fieldWithoutElements() {
        String f = field;
        while (f.endsWith("[]")) {
            f = f.substring(0, f.length() - 2);
        }
        return f;
    }

    /** {@code pkg.Class.method(File.java:12)} as a site; {@code null} if it is not one. */
    static Site parse(String location) {
        int paren = location.indexOf('(');
        String qualified = paren < 0 ? location : location.substring(0, paren);
        int dot = qualified.lastIndexOf('.');
        if (dot <= 0 || dot == qualified.length() - 1) {
            return null;
        }
        return new Site(qualified.substring(0, dot), qualified.substring(dot + 1));
    }
}
