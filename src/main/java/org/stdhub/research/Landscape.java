package org.stdhub.research;

import java.util.List;
import org.stdhub.catalog.AdoptionDrift;
import org.stdhub.catalog.CatalogStatistics;

/**
 * The standards landscape of a technology field (an ICS class): how many standards of each kind it holds, the current
 * international standards without a Chinese adoption (the gaps), and the Chinese standards whose adopted
 * international standard has moved on since.
 *
 * @param icsTitle the field's title in the reader's language, or null when the code is not an ICS class
 */
public record Landscape(
        String ics,
        String icsTitle,
        List<CatalogStatistics.Count> kinds,
        CatalogStatistics.Page<CatalogStatistics.Unadopted> unadopted,
        AdoptionDrift.Page drift) {

    public long total() {
        return kinds.stream().mapToLong(CatalogStatistics.Count::count).sum();
    }
}
