package dev.racedet.runtime.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The style sheet, the script and the content security policy of the HTML report, all inline: the
 * page loads nothing (no CDN, no fonts, no images), so it works from {@code file://}, offline and as
 * a CI artifact.
 *
 * <p>The policy allows no source at all except inline styles and the one script whose SHA-256 it
 * names: should a name ever slip through unescaped, an injected script or resource would be blocked,
 * and the block is recorded as an error by {@link #RECORDER}.
 */
final class HtmlAssets {
    /**
     * The first script of the page, in its head, so it sees everything that happens later: it records
     * every script error and policy violation (an element a name would have injected) into the root
     * element's {@code data-errors} attribute, empty when there are none. Browser tests read it.
     */
    static final String RECORDER = """
            (function () {
              var root = document.documentElement;
              var errors = [];
              root.setAttribute('data-errors', '');
              window.racedetError = function (message) {
                errors.push(String(message));
                root.setAttribute('data-errors', errors.join('\\n'));
              };
              window.addEventListener('error', function (e) { window.racedetError(e.message || 'script error'); });
              document.addEventListener('securitypolicyviolation', function (e) {
                window.racedetError('blocked by the page policy: ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline'));
              });
            })();
            """;

    /**
     * The page's script, last in its body. It checks that the embedded race data
     * ({@code <script type="application/json" id="racedet-data">}) matches the rendered races, drives
     * the filter box, and finally sets {@code data-rendered="true"} and {@code data-races} (the number
     * of races it parsed) on the root element. Browser tests read these attributes.
     */
    static final String SCRIPT = """
            (function () {
              var root = document.documentElement;
              try {
                var data = JSON.parse(document.getElementById('racedet-data').textContent);
                var sections = document.querySelectorAll('section.race');
                var rows = document.querySelectorAll('tr.race-row');
                if (sections.length !== data.races.length || rows.length !== data.races.length) {
                  window.racedetError('the page shows ' + sections.length + ' races but its data has ' + data.races.length);
                }
                var texts = data.races.map(function (r) {
                  return [r.id, r.field, r.object, r.test, r.kind].concat(r.threads).join('\\n').toLowerCase();
                });
                var filter = document.getElementById('filter');
                var shown = document.getElementById('shown');
                if (filter) {
                  filter.addEventListener('input', function () {
                    var q = filter.value.toLowerCase();
                    var count = 0;
                    for (var i = 0; i < texts.length && i < sections.length; i++) {
                      var hide = q !== '' && texts[i].indexOf(q) < 0;
                      sections[i].hidden = hide;
                      rows[i].hidden = hide;
                      count += hide ? 0 : 1;
                    }
                    shown.textContent = q === '' ? '' : count + ' of ' + texts.length + ' shown';
                  });
                }
                root.setAttribute('data-races', String(data.races.length));
                root.setAttribute('data-rendered', 'true');
              } catch (e) {
                window.racedetError(e && e.message ? e.message : e);
              }
            })();
            """;

    static final String STYLE = """
            :root { color-scheme: light dark; --line: #8884; --racy: #f5a62333; --accent: #c0392b; }
            body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; padding: 1em 2em; max-width: 110em; }
            h1 { font-size: 1.5em; margin: 0.2em 0; } h2 { font-size: 1.2em; margin: 0 0 0.5em; }
            h3 { font-size: 1em; margin: 0.6em 0 0.3em; } h4 { font-size: 0.95em; margin: 0.6em 0 0.2em; }
            code, .stack, .events, td.mono { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.92em; }
            .about { color: #888; margin: 0 0 1em; } .about span { margin-right: 1.5em; }
            .status.running { color: var(--accent); }
            table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; }
            th, td { border-bottom: 1px solid var(--line); padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            section.race { border: 1px solid var(--line); border-radius: 6px; padding: 0.8em 1.2em; margin: 1em 0; }
            .known { color: #888; font-weight: 600; }
            .facts span { margin-right: 1.5em; } .kind { color: var(--accent); font-weight: 600; }
            .sides, .timeline { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }
            .stack, .events { list-style: none; padding-left: 0; margin: 0.2em 0; }
            .stack li { padding-left: 1em; text-indent: -1em; overflow-wrap: anywhere; }
            .loc { color: #2a6fb0; text-decoration: underline; cursor: text; }
            .note, .none { color: #888; font-style: italic; }
            details.folded > summary { color: #888; cursor: pointer; }
            .events li { padding: 0.05em 0.4em; border-left: 3px solid transparent; overflow-wrap: anywhere; }
            .events li.racy { background: var(--racy); border-left-color: var(--accent); font-weight: 600; }
            .ev-kind { display: inline-block; min-width: 5em; }
            .esc { border: 1px dotted var(--accent); padding: 0 1px; font-family: monospace; }
            #filter { font: inherit; padding: 0.2em 0.4em; width: 24em; }
            [hidden] { display: none !important; }
            """;

    /** The {@code Content-Security-Policy} of the page (see the class comment). */
    static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
            + sha256(RECORDER) + "' 'sha256-" + sha256(SCRIPT) + "'; base-uri 'none'; form-action 'none'";

    private HtmlAssets() {
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
