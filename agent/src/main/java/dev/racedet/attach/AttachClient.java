package dev.racedet.attach;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The launcher's use of the {@code jdk.attach} module. Only {@link AttachCommands} loads this class,
 * after checking that the module is there, so a JRE gets one clear line instead of a
 * {@code NoClassDefFoundError}.
 */
final class AttachClient {
    private AttachClient() {
    }

    /** One attachable JVM. */
    record Target(String pid, String displayName) {
    }

    /** The attachable JVMs of this user but this one, by pid. */
    static List<Target> list() {
        String self = Long.toString(ProcessHandle.current().pid());
        List<Target> targets = new ArrayList<>();
        for (VirtualMachineDescriptor vm : VirtualMachine.list()) {
            if (!vm.id().equals(self)) {
                targets.add(new Target(vm.id(), vm.displayName()));
            }
        }
        targets.sort(Comparator.comparingLong(t -> parsePid(t.pid())));
        return targets;
    }

    private static long parsePid(String pid) {
        try {
            return Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Loads racedet.jar into JVM {@code pid} with the request {@code command} ({@code attach} with
     * {@code options}, or {@code detach}) and returns the agent's reply: a line starting with
     * {@link AttachAgent#OK} on success, otherwise the line saying what went wrong.
     */
    static String send(String pid, Path agentJar, String command, String options) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("racedet-attach",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(directory.resolve(AttachAgent.REQUEST), command + "\n" + options + "\n",
                    StandardCharsets.UTF_8);
            String failure = load(pid, agentJar, "@" + directory);
            Path reply = directory.resolve(AttachAgent.REPLY);
            if (Files.exists(reply)) {
                return Files.readString(reply, StandardCharsets.UTF_8);
            }
            return failure != null ? failure
                    : "racedet: JVM " + pid + " gave no reply (see its standard error)";
        } catch (IOException | RuntimeException e) {
            return "racedet: cannot talk to JVM " + pid + ": " + e;
        } finally {
            deleteQuietly(directory);
        }
    }

    /** Attaches, loads the agent and detaches; {@code null} when the agent ran, else why not. */
    private static String load(String pid, Path agentJar, String argument) {
        // Only a listed JVM: the attach mechanism sends SIGQUIT to a process that has not opened its
        // attach socket yet, and SIGQUIT ends a process that is not a JVM.
        if (list().stream().noneMatch(t -> t.pid().equals(pid))) {
            return "racedet: no attachable JVM with pid " + pid + " (java -jar racedet.jar list shows them)";
        }
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(pid);
        } catch (AttachNotSupportedException | IOException e) {
            return "racedet: cannot attach to JVM " + pid + ": " + e.getMessage()
                    + " (java -jar racedet.jar list shows the JVMs you can attach to)";
        }
        try {
            vm.loadAgent(agentJar.toString(), argument);
            return null;
        } catch (AgentInitializationException | AgentLoadException e) {
            return "racedet: the agent failed in JVM " + pid + ": " + e.getMessage() + " (see its standard error)";
        } catch (IOException e) {
            return "racedet: lost the connection to JVM " + pid + ": " + e.getMessage();
        } finally {
            try {
                vm.detach();
            } catch (IOException e) {
                // the JVM may have exited meanwhile: the reply already says what happened
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(directory);
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }
}
