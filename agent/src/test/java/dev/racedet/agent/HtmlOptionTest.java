package dev.racedet.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code html} option: parsed, printed back, and checked at startup like the {@code json} file. */
class HtmlOptionTest {
    private static AgentOptions.InvalidOptionException rejected(AgentOptions options) {
        return assertThrows(AgentOptions.InvalidOptionException.class, options::checkOutputs);
    }

    @Test
    void html_option_parses_and_prints_back(@TempDir Path dir) {
        String path = dir.resolve("races.html").toString();
        AgentOptions options = new AgentOptions("html=" + path + ",json=" + dir.resolve("r.json"));
        assertEquals(path, options.getHtml());
        assertEquals(options, new AgentOptions(options.toString()));
        assertEquals(null, new AgentOptions().getHtml());
        assertTrue(AgentOptions.usage().contains("\n  html=FILE "), AgentOptions.usage());
    }

    @Test
    void empty_html_value_is_rejected_with_one_line() {
        AgentOptions.InvalidOptionException e =
                assertThrows(AgentOptions.InvalidOptionException.class, () -> new AgentOptions("html="));
        assertTrue(e.getMessage().startsWith("racedet: option 'html' needs a file path"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void writable_html_path_is_accepted_and_left_to_the_agent(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("races.html");
        new AgentOptions().setHtml(html.toString()).checkOutputs();
        assertFalse(Files.exists(html), "the agent writes the page, the check only probes the directory");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the probe file is deleted");
        }
    }

    @Test
    void html_in_a_missing_directory_or_naming_a_directory_fails_at_startup(@TempDir Path dir) {
        String missing = rejected(new AgentOptions().setHtml(dir.resolve("missing/r.html").toString())).getMessage();
        assertTrue(missing.startsWith("racedet: cannot write the 'html' file"), missing);
        String directory = rejected(new AgentOptions().setHtml(dir.toString())).getMessage();
        assertTrue(directory.startsWith("racedet: cannot write the 'html' file") && directory.contains("a directory"),
                directory);
    }

    @Test
    void html_naming_the_json_or_out_file_fails_at_startup(@TempDir Path dir) throws Exception {
        String same = dir.resolve("r.txt").toString();
        String json = rejected(new AgentOptions().setJson(same).setHtml(same)).getMessage();
        assertTrue(json.startsWith("racedet: 'html' names the same file as 'json'"), json);
        String out = rejected(new AgentOptions().setOut(same).setHtml(same)).getMessage();
        assertTrue(out.startsWith("racedet: 'html' names the same file as 'out'"), out);
        Path link = Files.createSymbolicLink(dir.resolve("link.html"), dir.resolve("r.txt"));
        String linked = rejected(new AgentOptions().setOut(same).setHtml(link.toString())).getMessage();
        assertTrue(linked.startsWith("racedet: 'html' names the same file as 'out'"), linked);
    }
}
