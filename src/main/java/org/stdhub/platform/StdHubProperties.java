package org.stdhub.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * StdHub's own configuration ({@code stdhub.*}).
 *
 * @param dataDir where the database file, the search index and uploaded files live
 * @param seed whether and from where the shipped standards are loaded into an empty catalog
 * @param search search index behaviour
 */
@ConfigurationProperties("stdhub")
public record StdHubProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Seed seed,
        @DefaultValue Search search) {

    /**
     * @param enabled load the shipped standards when the catalog is empty
     * @param location a Spring resource location of a folder holding {@code *.jsonl} / {@code *.jsonl.gz}
     * @param overlays a folder of overlay files ({@code *.jsonl.gz}: records naming the fields they add to standards
     *     already shipped), merged once after the seed; empty for none
     */
    public record Seed(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("classpath:seed/standards/") String location,
            @DefaultValue("classpath:seed/overlaps/") String overlays) {}

    /** @param reindexOnStart rebuild the index on start when it does not match the database */
    public record Search(@DefaultValue("true") boolean reindexOnStart) {}
}
