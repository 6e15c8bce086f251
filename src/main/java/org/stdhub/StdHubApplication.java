package org.stdhub;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.stdhub.platform.DataDirectoryInUse;

/**
 * StdHub: the platform of a technical standards innovation base.
 *
 * <p>{@code java -jar stdhub.jar} starts the web platform; {@code java -jar stdhub.jar COMMAND …} runs an
 * operator command (import, reindex …) against the same data directory and exits, without the web layer.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class StdHubApplication {

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(StdHubApplication.class, args);
    }

    /**
     * Runs the operator command {@code args[0]} and returns its exit code; {@value DataDirectoryInUse#EXIT_CODE}
     * when a running StdHub holds the data directory (said in one sentence, see {@link DataDirectoryInUse}).
     */
    public static int runCommand(String[] args) {
        SpringApplication app = new SpringApplication(StdHubApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("stdhub.command", args[0], "server.port", "8080"));
        try {
            ConfigurableApplicationContext context = app.run(args);
            return SpringApplication.exit(context);
        } catch (DataDirectoryInUse e) {
            return DataDirectoryInUse.EXIT_CODE;
        }
    }
}
