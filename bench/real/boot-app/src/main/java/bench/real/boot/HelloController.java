package bench.real.boot;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's one endpoint. It keeps a request counter, as real controllers keep some state,
 * so that the checked application code has a field that Tomcat's request threads touch.
 */
@RestController
public class HelloController {
    private final AtomicLong requests = new AtomicLong();

    @GetMapping("/hello")
    public String hello() {
        return "hello #" + requests.incrementAndGet();
    }
}
