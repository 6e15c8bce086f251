package org.stdhub.development;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.Designation;
import org.stdhub.compliance.CheckLine;
import org.stdhub.compliance.CheckReport;
import org.stdhub.compliance.ValidityCheck;
import org.stdhub.compliance.Verdict;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * The normative-reference check of a draft version: the standards it cites — read from the uploaded file's text with
 * the catalog's designation reader, or entered by hand — each flagged when withdrawn (with what replaces it today),
 * an outdated edition or not found, by compliance's {@link ValidityCheck}. The list is kept; the verdicts are the
 * catalog's of the moment they are shown. The alliance's people add references; whoever may read the draft sees
 * the check.
 */
@Service
@Transactional
public class NormativeReferences {

    private final DraftReferenceRepository references;
    private final DraftVersionRepository versions;
    private final DraftFiles files;
    private final Projects projects;
    private final Alliances alliances;
    private final ValidityCheck validity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NormativeReferences(
            DraftReferenceRepository references,
            DraftVersionRepository versions,
            DraftFiles files,
            Projects projects,
            Alliances alliances,
            ValidityCheck validity,
            ApplicationEventPublisher events,
            Clock clock) {
        this.references = references;
        this.versions = versions;
        this.files = files;
        this.projects = projects;
        this.alliances = alliances;
        this.validity = validity;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds references to the draft version: the designations given, or, when none are given, those read from the
     * draft's text. Designations already listed are kept once.
     */
    @PreAuthorize("isAuthenticated()")
    public ReferenceCheckView add(long projectId, long draftId, List<String> designations, Locale locale) {
        DraftVersion draft = draft(projectId, draftId);
        Project p = projects.project(projectId);
        Alliance a = alliances.alliance(p.getAllianceId());
        Participant me = Participant.current();
        if (!me.isPerson() || !me.partiesIn(a.getOrganizationId()).contains(Party.MEMBER)) {
            throw new NotPermittedException("development.error.not-member-of", a.getNameZh());
        }
        if (p.stage().isFinal()) {
            throw new ConflictException(
                    "development.error.project-ended", p.stage().code());
        }
        List<String> found;
        DraftReference.Origin origin;
        if (designations == null || designations.stream().allMatch(d -> d == null || d.isBlank())) {
            found = CitedDesignations.in(DraftText.of(draft.getMediaType(), files.read(draft.getSha256())));
            origin = DraftReference.Origin.TEXT;
        } else {
            found = byHand(designations);
            origin = DraftReference.Origin.HAND;
        }
        Set<String> listed = new HashSet<>();
        references.findByDraftIdOrderByIdAsc(draftId).forEach(r -> listed.add(r.getDesignation()));
        int added = 0;
        for (String d : found) {
            if (listed.add(d)) {
                references.save(new DraftReference(draftId, d, origin, me.personId(), clock.instant()));
                added++;
            }
        }
        events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, projectId, "references-added")
                .withChange("draft", null, "v" + draft.view().version())
                .withChange("references", null, added + " " + origin));
        return check(draft, locale);
    }

    private static List<String> byHand(List<String> designations) {
        var errors = new InvalidInputException.Collector();
        errors.check(designations.size() <= CitedDesignations.MAX, "designations", "development.error.references");
        List<String> read = new ArrayList<>();
        for (String text : designations) {
            if (text == null || text.isBlank()) {
                continue;
            }
            var d = ControlCharacters.present(text) || text.length() > Designation.MAX_LENGTH
                    ? java.util.Optional.<Designation>empty()
                    : Designation.tryParse(text.strip());
            if (d.isEmpty()) {
                errors.add("designations", "development.error.reference-unreadable");
                break;
            }
            read.add(d.get().normalized());
        }
        errors.throwIfAny();
        return read.stream().distinct().toList();
    }

    /** The references of the draft version, each checked against the catalog now. */
    @Transactional(readOnly = true)
    public ReferenceCheckView of(long projectId, long draftId, Locale locale) {
        DraftVersion draft = draft(projectId, draftId);
        Project p = projects.project(projectId);
        Alliance a = alliances.alliance(p.getAllianceId());
        Participant me = Participant.current();
        boolean mayRead = me.isBaseOffice()
                || me.partiesIn(a.getOrganizationId()).contains(Party.MEMBER)
                || (me.isPerson() && p.stage() == Stage.COMMENT_PERIOD);
        if (!mayRead) {
            throw new NotPermittedException("development.error.draft-not-public");
        }
        return check(draft, locale);
    }

    /** The references of the project's latest draft version, or null when it has none (for the project page). */
    @Transactional(readOnly = true)
    public ReferenceCheckView ofLatest(long projectId, Locale locale) {
        var latest =
                versions.findByProjectIdOrderByVersionNoAsc(projectId).stream().reduce((x, y) -> y);
        if (latest.isEmpty()) {
            return null;
        }
        try {
            return of(projectId, latest.get().view().id(), locale);
        } catch (NotPermittedException e) {
            return null;
        }
    }

    private ReferenceCheckView check(DraftVersion draft, Locale locale) {
        List<DraftReference> listed =
                references.findByDraftIdOrderByIdAsc(draft.view().id());
        if (listed.isEmpty()) {
            return new ReferenceCheckView(draft.view().id(), draft.view().version(), clock.instant(), 0, List.of());
        }
        CheckReport report = validity.checkDesignations(
                listed.stream().map(DraftReference::getDesignation).toList(), true, locale);
        Map<Integer, CheckLine> byLine = new java.util.HashMap<>();
        report.lines().forEach(l -> byLine.put(l.line(), l));
        List<ReferenceCheckView.Reference> out = new ArrayList<>();
        int flagged = 0;
        for (int i = 0; i < listed.size(); i++) {
            DraftReference r = listed.get(i);
            CheckLine line = byLine.get(i + 1);
            Verdict verdict = line == null ? Verdict.UNREADABLE : line.verdict();
            boolean flag = !verdict.ok();
            flagged += flag ? 1 : 0;
            boolean english = locale != null && "en".equals(locale.getLanguage());
            out.add(new ReferenceCheckView.Reference(
                    r.getDesignation(),
                    r.getOrigin().name(),
                    verdict,
                    flag,
                    line == null || line.standard() == null
                            ? null
                            : line.standard().title(english),
                    line == null
                            ? List.of()
                            : line.currentReplacement().stream()
                                    .map(CheckLine.Ref::designation)
                                    .toList()));
        }
        return new ReferenceCheckView(draft.view().id(), draft.view().version(), report.checkedAt(), flagged, out);
    }

    private DraftVersion draft(long projectId, long draftId) {
        return versions.findById(draftId)
                .filter(v -> v.getProjectId() == projectId)
                .orElseThrow(() -> new NotFoundException("development.error.draft-not-found", draftId));
    }
}
