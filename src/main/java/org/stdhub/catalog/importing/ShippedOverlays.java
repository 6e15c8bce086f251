package org.stdhub.catalog.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stdhub.platform.StdHubProperties;

/**
 * The shipped overlays ({@code stdhub.seed.overlays}, seed/overlaps): merged once into the seeded catalog, on the
 * first start after the seed or, when a start was cut short between the two, on the next one.
 */
@Component
class ShippedOverlays {

    private static final Logger log = LoggerFactory.getLogger(ShippedOverlays.class);

    static final String BATCH_PREFIX = "overlay: ";

    private final JdbcTemplate jdbc;
    private final OverlapMerge merge;
    private final StdHubProperties properties;

    ShippedOverlays(JdbcTemplate jdbc, OverlapMerge merge, StdHubProperties properties) {
        this.jdbc = jdbc;
        this.merge = merge;
        this.properties = properties;
    }

    /**
     * Merges the shipped overlays unless a finished merge is recorded already.
     *
     * @param seededNow the catalog was seeded by this start (nobody can be watching it yet)
     */
    void mergeOnce(boolean seededNow) throws IOException {
        String location = properties.seed().overlays();
        if (!properties.seed().enabled() || location == null || location.isBlank()) {
            return;
        }
        Long merged = jdbc.queryForObject(
                "select count(*) from import_batch where status = 'finished' and source_name like ?",
                Long.class,
                BATCH_PREFIX + "%");
        Long standards = jdbc.queryForObject("select count(*) from standard", Long.class);
        if ((merged != null && merged > 0) || standards == null || standards == 0) {
            return;
        }
        if (!location.endsWith("/")) {
            location = location + "/";
        }
        List<Resource> files = new ArrayList<>(
                Arrays.asList(new PathMatchingResourcePatternResolver().getResources(location + "*.jsonl.gz")));
        files.sort(Comparator.comparing(Resource::getFilename));
        if (files.isEmpty()) {
            return;
        }
        log.info("merging {} shipped overlay files from {}", files.size(), location);
        List<OverlapMerge.Overlay> overlays = new ArrayList<>();
        try {
            for (Resource file : files) {
                overlays.add(new OverlapMerge.Overlay(file.getInputStream(), file.getFilename()));
            }
            merge.merge(overlays, !seededNow);
        } finally {
            for (OverlapMerge.Overlay overlay : overlays) {
                overlay.in().close();
            }
        }
    }
}
