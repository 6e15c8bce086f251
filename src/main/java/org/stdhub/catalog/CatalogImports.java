package org.stdhub.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.stdhub.catalog.importing.ImportJobs;
import org.stdhub.catalog.importing.ImportTemplate;

/**
 * Catalog imports on the running platform, for the base office (and administrators): upload a file, read its
 * preview (what would change; nothing changes yet), confirm it (the import runs in the background and tells
 * watchers as every import does) or discard it. One import at a time; confirming a preview the catalog has moved
 * past since is refused. See docs/catalog-import-template.md for the spreadsheet template.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
public class CatalogImports {

    /** How the page and API start a job. */
    public static final String UPLOAD = "UPLOAD";

    private final ImportJobs jobs;

    CatalogImports(ImportJobs jobs) {
        this.jobs = jobs;
    }

    /** Stores the file and previews it in the background; the job is returned as it starts. */
    public ImportJobView upload(String fileName, byte[] content) {
        return jobs.upload(fileName, content, UPLOAD, ImportJobs.Run.IN_BACKGROUND);
    }

    public ImportJobView get(long id) {
        return jobs.get(id);
    }

    /** The latest jobs, newest first, without their previews and reports. */
    public List<ImportJobView> recent() {
        return jobs.recent(20);
    }

    /** The job previewing or applying now. */
    public Optional<Long> running() {
        return jobs.running();
    }

    /** Applies the previewed job in the background. */
    public ImportJobView confirm(long id) {
        return jobs.confirm(id, ImportJobs.Run.IN_BACKGROUND);
    }

    public ImportJobView discard(long id) {
        return jobs.discard(id);
    }

    /** The spreadsheet template, column names in the reader's language. */
    public byte[] templateXlsx(Locale locale) {
        return ImportTemplate.xlsx(locale);
    }

    public byte[] templateCsv(Locale locale) {
        return ImportTemplate.csv(locale);
    }
}
