package org.stdhub.catalog.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Links the relations and adoptions an import recorded by designation to the standards now in the catalog. */
@Component
class RelationLinker {

    private final JdbcTemplate jdbc;

    RelationLinker(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Links relations and adoptions whose other end is now in the catalog, and returns the standards whose
     * index documents must be refreshed: the changed ones and the international standards they adopt.
     */
    Set<Long> link(Set<Long> changedIds) {
        if (changedIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> affected = new HashSet<>(changedIds);
        affected.addAll(linkPending());
        List<Long> changed = new ArrayList<>(changedIds);
        for (int from = 0; from < changed.size(); from += 500) {
            List<Long> slice = changed.subList(from, Math.min(changed.size(), from + 500));
            String in = String.join(",", Collections.nCopies(slice.size(), "?"));
            affected.addAll(jdbc.queryForList(
                    "select international_id from standard_adoption where international_id is not null"
                            + " and standard_id in (" + in + ")",
                    Long.class,
                    slice.toArray()));
        }
        return affected;
    }

    /**
     * Links the relations and adoptions still unlinked whose other end is in the catalog now (written after them):
     * two set-based updates. Returns the international standards that got an adopter by it.
     */
    List<Long> linkPending() {
        jdbc.update("update standard_relation set target_id = (select s.id from standard s"
                + " where s.designation_key = standard_relation.target_key)"
                + " where target_id is null and exists (select 1 from standard s"
                + " where s.designation_key = standard_relation.target_key)");
        List<Long> newlyAdopted = jdbc.queryForList(
                "select s.id from standard_adoption a join standard s on s.designation_key = a.international_key"
                        + " where a.international_id is null",
                Long.class);
        jdbc.update("update standard_adoption set international_id = (select s.id from standard s"
                + " where s.designation_key = standard_adoption.international_key)"
                + " where international_id is null and exists (select 1 from standard s"
                + " where s.designation_key = standard_adoption.international_key)");
        return newlyAdopted;
    }
}
