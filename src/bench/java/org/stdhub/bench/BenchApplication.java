package org.stdhub.bench;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.stdhub.StdHubApplication;

/**
 * The bench jar's entry point: StdHub itself with the benchmark commands on its class path (component scan
 * finds them under {@code org.stdhub}). {@code bench} measures the search API over HTTP, so it starts the
 * web server, on a free port; everything else ({@code bench-check}, the product's commands, no command at
 * all) starts as {@code java -jar stdhub.jar} does.
 */
public final class BenchApplication {

    /** The command that measures the web API and therefore needs the web server. */
    private static final String WEB_COMMAND = "bench";

    private BenchApplication() {}

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals(WEB_COMMAND)) {
            StdHubApplication.main(args);
            return;
        }
        SpringApplication app = new SpringApplication(StdHubApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setDefaultProperties(Map.of("stdhub.command", WEB_COMMAND, "server.port", "0"));
        ConfigurableApplicationContext context = app.run(args);
        System.exit(SpringApplication.exit(context));
    }
}
