package org.stdhub.research;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.research.report.ReportFiles;
import org.stdhub.research.report.ReportStore;

/**
 * Reports and policy briefs of the research center: written by a RESEARCHER or the base office, with versioned files
 * (PDF or Word, checked with Tika, at most {@link #MAX_BYTES}, stored by SHA-256), an abstract and keywords; public
 * once published (a report needs a file to be published). Unpublished ones are seen by their author and the office.
 */
@Service
@Transactional
public class Reports {

    static final String AUDIT_TYPE = "research-report";
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    static final int LIST_LIMIT = 500;
    static final int MAX_KEYWORDS = 20;

    private final ReportStore store;
    private final ReportFiles files;
    private final ResearchProjects projects;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reports(
            ReportStore store,
            ReportFiles files,
            ResearchProjects projects,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.files = files;
        this.projects = projects;
        this.events = events;
        this.clock = clock;
    }

    /** A file's name, type and bytes. */
    public record FileContent(String fileName, String mediaType, byte[] content) {}

    /** A RESEARCHER or the base office writes a report or policy brief (without a file yet). */
    @PreAuthorize("isAuthenticated()")
    public ReportView create(ReportForm form) {
        Researcher caller = Researcher.current();
        long author = caller.author();
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        if (form == null) {
            throw new InvalidInputException(Map.of("title", "research.error.required"));
        }
        ReportKind kind = null;
        try {
            kind = ReportKind.valueOf(
                    form.kind() == null ? "" : form.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add("kind", "research.error.report-kind");
        }
        String title = ResearchProjects.text(form.title(), 300, true, "title", errors);
        String abstractText = ResearchProjects.text(form.abstractText(), 8000, true, "abstractText", errors);
        Set<String> keywords = new LinkedHashSet<>();
        if (form.keywords() != null) {
            for (String k : form.keywords()) {
                String w = ResearchProjects.text(k, 60, false, "keywords", errors);
                if (w != null) {
                    keywords.add(w);
                }
            }
        }
        errors.check(keywords.size() <= MAX_KEYWORDS, "keywords", "research.error.too-many");
        errors.throwIfAny();
        if (form.researchProjectId() != null) {
            try {
                projects.get(form.researchProjectId());
            } catch (NotFoundException e) {
                throw new InvalidInputException(Map.of("researchProjectId", "research.error.project-not-found-field"));
            }
        }
        long id = store.insert(
                kind,
                title,
                abstractText,
                List.copyOf(keywords),
                form.researchProjectId(),
                author,
                caller.name(),
                clock.instant());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "created").withChange("title", null, title));
        return get(id);
    }

    /** The author (or the base office) adds a version of the file. */
    @PreAuthorize("isAuthenticated()")
    public ReportView addVersion(long id, String fileName, byte[] content) {
        ReportView r = get(id);
        if (!r.editable()) {
            throw new NotPermittedException("research.error.not-author");
        }
        ContentStore.Stored stored = files.store(content, MAX_BYTES);
        int number = store.addVersion(
                id, fileName(fileName), stored.mediaType(), stored.size(), stored.sha256(), clock.instant());
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "version-added")
                .withChange("version", number - 1 == 0 ? null : number - 1, number)
                .withChange("file", null, stored.sha256()));
        return get(id);
    }

    /** The author (or the base office) publishes: anyone may read it from then on. Needs a file. */
    @PreAuthorize("isAuthenticated()")
    public ReportView publish(long id) {
        ReportView r = get(id);
        if (!r.editable()) {
            throw new NotPermittedException("research.error.not-author");
        }
        if (r.versions().isEmpty()) {
            throw new ConflictException("research.error.report-without-file");
        }
        if (!store.publish(id, clock.instant())) {
            throw new ConflictException("research.error.already-published");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "published").withChange("published", false, true));
        // counted by the base management as a research output of the research center
        events.publishEvent(new org.stdhub.programme.ResearchOutputPublished(
                id, r.title(), java.time.LocalDate.ofInstant(clock.instant(), clock.getZone())));
        return get(id);
    }

    /** One report, if the caller may see it. */
    @Transactional(readOnly = true)
    public ReportView get(long id) {
        ReportView r = store.find(id).orElseThrow(() -> new NotFoundException("research.error.report-not-found", id));
        Researcher caller = Researcher.current();
        ReportStore.Head head = store.head(id).orElseThrow();
        boolean mine = caller.is(head.createdBy());
        if (!r.published() && !mine && !caller.office()) {
            throw new NotFoundException("research.error.report-not-found", id);
        }
        return new ReportView(
                r.id(),
                r.kind(),
                r.title(),
                r.abstractText(),
                r.keywords(),
                r.researchProjectId(),
                r.createdBy(),
                r.createdAt(),
                r.publishedAt(),
                r.versions(),
                caller.office() || (mine && caller.researcher()));
    }

    /** A version's file (0 or less: the latest), for those who see the report. */
    @Transactional(readOnly = true)
    public FileContent file(long id, int version) {
        ReportView r = get(id);
        if (r.versions().isEmpty()) {
            throw new NotFoundException("research.error.version-not-found", version);
        }
        ReportView.Version v = version <= 0
                ? r.versions().getLast()
                : store.version(id, version)
                        .orElseThrow(() -> new NotFoundException("research.error.version-not-found", version));
        return new FileContent(v.fileName(), v.mediaType(), files.read(v.sha256()));
    }

    /** Searches the reports the caller sees: every word in the title, abstract or keywords. */
    @Transactional(readOnly = true)
    public List<ReportView> search(String q, ReportKind kind) {
        Researcher caller = Researcher.current();
        List<String> words = new ArrayList<>();
        if (q != null) {
            for (String w : q.strip().split("\\s+")) {
                if (!w.isBlank() && words.size() < 10) {
                    words.add(w.length() > 60 ? w.substring(0, 60) : w);
                }
            }
        }
        return store.search(words, caller.office(), caller.personId(), kind, LIST_LIMIT);
    }

    /** The latest published reports and policy briefs, for the public site. */
    @Transactional(readOnly = true)
    public List<ReportView> latestPublished(int n) {
        return store.search(List.of(), false, null, null, n).stream()
                .filter(ReportView::published)
                .toList();
    }

    private static String fileName(String name) {
        String n = name == null || name.isBlank()
                ? "report"
                : name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }
}
