package org.stdhub.development;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ContentStore;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Draft versions of a project: the alliance's members and secretariat upload them (docx or pdf, checked from the
 * content) with a reason; versions are immutable and numbered. Anyone may see the version list; the files are for
 * the alliance's people and the base office, and for everyone signed in while the project is in its public comment
 * period.
 */
@Service
@Transactional
public class Drafts {

    /** A draft file to hand out: name, type and bytes. */
    public record DraftFile(String fileName, String mediaType, byte[] content) {}

    private final DraftVersionRepository versions;
    private final DraftFiles files;
    private final Projects projects;
    private final Alliances alliances;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Drafts(
            DraftVersionRepository versions,
            DraftFiles files,
            Projects projects,
            Alliances alliances,
            ApplicationEventPublisher events,
            Clock clock) {
        this.versions = versions;
        this.files = files;
        this.projects = projects;
        this.alliances = alliances;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public DraftView upload(long projectId, String fileName, byte[] content, String reason) {
        Project p = projects.project(projectId);
        Alliance a = alliances.alliance(p.getAllianceId());
        Participant me = Participant.current();
        if (!me.isPerson() || !me.partiesIn(a.getOrganizationId()).contains(Party.MEMBER)) {
            throw new NotPermittedException("development.error.not-member-of", a.getNameZh());
        }
        if (p.stage().isFinal()) {
            throw new org.stdhub.platform.ConflictException(
                    "development.error.project-ended", p.stage().code());
        }
        var errors = new InvalidInputException.Collector();
        errors.check(
                reason != null && !reason.isBlank() && reason.strip().length() <= 2000,
                "reason",
                "development.error.reason-required");
        errors.throwIfAny();
        String name = safeName(fileName);
        ContentStore.Stored stored = files.store(content);
        int next = versions.countByProjectId(projectId) + 1;
        DraftVersion v = versions.save(new DraftVersion(
                projectId,
                next,
                name,
                stored.mediaType(),
                stored.size(),
                stored.sha256(),
                reason.strip(),
                me.personId(),
                me.name(),
                clock.instant()));
        events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, projectId, "draft-uploaded")
                .withChange("draft", null, "v" + next + " " + name + " sha256:" + stored.sha256())
                .withComment(reason.strip()));
        return v.view();
    }

    /**
     * A draft of a demo project, uploaded by the demo data of another module (running as the system, {@code
     * stdhub.demo.enabled}): recorded as uploaded by the project's proposer in the demo's name. Refused for anything
     * but a demo project and the system.
     */
    public DraftView uploadDemo(long projectId, String fileName, byte[] content, String reason) {
        Project p = projects.project(projectId);
        if (org.stdhub.platform.SystemActor.current().isEmpty() || !p.isDemo()) {
            throw new NotPermittedException("development.error.draft-not-public");
        }
        String name = safeName(fileName);
        ContentStore.Stored stored = files.store(content);
        int next = versions.countByProjectId(projectId) + 1;
        DraftVersion v = versions.save(new DraftVersion(
                projectId,
                next,
                name,
                stored.mediaType(),
                stored.size(),
                stored.sha256(),
                reason,
                p.getProposedBy(),
                DemoData.ACTOR,
                clock.instant()));
        events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, projectId, "draft-uploaded")
                .withChange("draft", null, "v" + next + " " + name + " sha256:" + stored.sha256())
                .withComment(reason));
        return v.view();
    }

    static String safeName(String fileName) {
        String n = fileName == null
                ? ""
                : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        if (n.isEmpty()) {
            n = "draft";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    @Transactional(readOnly = true)
    public List<DraftView> of(long projectId) {
        projects.project(projectId);
        return versions.findByProjectIdOrderByVersionNoAsc(projectId).stream()
                .map(DraftVersion::view)
                .toList();
    }

    /** The file of a draft version, for those who may read it. */
    @Transactional(readOnly = true)
    public DraftFile download(long draftId) {
        DraftVersion v = versions.findById(draftId)
                .orElseThrow(() -> new NotFoundException("development.error.draft-not-found", draftId));
        Project p = projects.project(v.getProjectId());
        Alliance a = alliances.alliance(p.getAllianceId());
        Participant me = Participant.current();
        boolean mayRead = me.isBaseOffice()
                || me.partiesIn(a.getOrganizationId()).contains(Party.MEMBER)
                || (me.isPerson() && p.stage() == Stage.COMMENT_PERIOD);
        if (!mayRead) {
            throw new NotPermittedException("development.error.draft-not-public");
        }
        return new DraftFile(v.getFileName(), v.getMediaType(), files.read(v.getSha256()));
    }
}
