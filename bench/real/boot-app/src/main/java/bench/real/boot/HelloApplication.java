package bench.real.boot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * A minimal Spring Boot web application (one {@code @RestController}, embedded Tomcat) that measures
 * its own time to first request: once Boot says it is ready, it sends one HTTP request to itself and
 * prints {@code first-request-ms: N}, N being the milliseconds from the JVM's start
 * ({@code RuntimeMXBean.getStartTime()}) to the response, then exits with status 0.
 *
 * <p>It is in the benchmark set because starting a framework application is what a developer waits
 * for on every test run with racedet on: thousands of classes loaded (and instrumented when checked),
 * reflection, proxies, a thread pool, a socket. The port is chosen by the OS ({@code server.port=0})
 * so that runs never collide.
 */
@SpringBootApplication
public class HelloApplication {

    public static void main(String[] args) {
        SpringApplication.run(HelloApplication.class, args);
    }

    /** The first request, made from the listener so that it follows Boot's own "ready" moment. */
    @EventListener(ApplicationReadyEvent.class)
    public void firstRequest(ApplicationReadyEvent event) throws IOException {
        ConfigurableApplicationContext context = event.getApplicationContext();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String body = get(new URL("http://127.0.0.1:" + port + "/hello"));
        // The clock stops at the response: the MXBean is read afterwards, so loading the management
        // classes is not part of the figure.
        long now = System.currentTimeMillis();
        long startTime = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("response: " + body);
        System.out.println("first-request-ms: " + (now - startTime));
        System.out.flush();
        // Closes the context (Tomcat, its threads) the way a user's shutdown would, then exits with 0.
        System.exit(SpringApplication.exit(context));
    }

    private static String get(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try {
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new IOException("first request answered " + status);
            }
            try (InputStream in = connection.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            connection.disconnect();
        }
    }
}
