package org.stdhub.platform;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes {@code stdhub.data-dir.absolute}, the data directory as an absolute path: H2 refuses file
 * paths relative to the working directory, and the index location should not depend on it either. Refuses an
 * operator command whose data directory a running StdHub holds ({@link DataDirectoryInUse}).
 */
class DataDirectoryEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty("stdhub.data-dir", "./data");
        String absolute = Path.of(dataDir).toAbsolutePath().normalize().toString();
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("stdhubDataDir", Map.of("stdhub.data-dir-absolute", absolute)));
        // an operator command against the database of a running StdHub: one sentence, no stack trace
        DataDirectoryInUse.check(environment);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
