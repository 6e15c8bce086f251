package org.stdhub.catalog.importing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The catalog's high-water mark: a few numbers that move whenever a standard is added, changed, merged from another
 * source or logged as changed. Equal marks mean a preview made at the first still says what an import will do.
 */
@Component
class CatalogMark {

    private final JdbcTemplate jdbc;

    CatalogMark(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    String now() {
        String standards = jdbc.queryForObject(
                "select count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(id), 0) from standard",
                String.class);
        String changes = jdbc.queryForObject("select coalesce(max(id), 0) || '' from standard_change", String.class);
        String sources = jdbc.queryForObject(
                "select count(*) || '/' || coalesce(max(id), 0) from standard_source", String.class);
        String relations = jdbc.queryForObject(
                "select count(*) || '/' || coalesce(max(id), 0) from standard_relation", String.class);
        return "s" + standards + " c" + changes + " m" + sources + " r" + relations;
    }
}
