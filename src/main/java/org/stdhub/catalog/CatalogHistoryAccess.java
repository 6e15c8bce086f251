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
