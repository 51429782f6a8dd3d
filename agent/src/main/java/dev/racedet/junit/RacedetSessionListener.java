package dev.racedet.junit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Opens racedet for a JUnit Platform session, before any test class is discovered (so loaded):
 * installs the agent into this JVM when racedet.jar is only on the test class path
 * ({@link SelfInstall}), and turns on Jupiter's extension autodetection for {@link RacedetExtension}
 * alone ({@link Autodetection}).
 */
public final class RacedetSessionListener implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Runtime.installed()) {
            SelfInstall.install(); // throws, failing the session, on bad options only
        }
        if (Runtime.installed()) {
            Autodetection.enableFor(RacedetExtension.class.getName());
        }
    }
}
