package org.stdhub.catalog;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.stdhub.platform.HistoryAccess;

/**
 * Who reads the history of the catalog's objects: a {@code standard}'s, like the standard itself, every signed-in
 * person; an {@code import} batch's (its source file, its counts) and an {@code import-job}'s (upload, preview,
 * confirmation) the base office, which looks after the catalog.
 * Administrators read every history anyway (the audit module's rule).
 */
@Component
class CatalogHistoryAccess implements HistoryAccess {

    static final String STANDARD = "standard";
    static final String IMPORT = "import";
    static final String IMPORT_JOB = "import-job";

    private final CatalogService catalog;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    CatalogHistoryAccess(CatalogService catalog, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** A standard by its designation and title, an import by its source file. */
    @Override
    public java.util.Optional<String> title(String objectType, String objectId, java.util.Locale locale) {
        return switch (objectType) {
            case STANDARD ->
                Designation.tryParse(objectId).flatMap(catalog::find).map(s -> {
                    String title = "en".equals(locale.getLanguage()) && s.getTitleEn() != null
                            ? s.getTitleEn()
                            : (s.getTitleZh() != null ? s.getTitleZh() : s.getTitleEn());
                    return title == null ? s.getDesignation() : s.getDesignation() + " " + title;
                });
            case IMPORT -> {
                try {
                    yield jdbc
                            .queryForList(
                                    "select source_name from import_batch where id = ?",
                                    String.class,
                                    Long.parseLong(objectId))
                            .stream()
                            .findFirst();
                } catch (NumberFormatException e) {
                    yield java.util.Optional.empty();
                }
            }
            default -> java.util.Optional.empty();
        };
    }

    @Override
    public Set<String> objectTypes() {
        return Set.of(STANDARD, IMPORT, IMPORT_JOB);
    }

    @Override
    public boolean maySee(String objectType, String objectId, Authentication viewer) {
        return switch (objectType) {
            case STANDARD -> true;
            case IMPORT, IMPORT_JOB -> HistoryAccess.hasRole(viewer, "BASE_OFFICER");
            default -> false;
        };
    }
}
