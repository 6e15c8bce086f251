package org.stdhub.development;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Patent declarations on projects: anyone signed in (a patent holder need not belong to the alliance) declares a
 * patent with its holder and licensing terms, once per patent and project, until the project ends; anyone reads them.
 */
@Service
@Transactional
public class Patents {

    /** A declaration as entered. */
    public record NewDeclaration(String holder, String patentNumber, String title, Licensing licensing) {}

    private final PatentDeclarationRepository declarations;
    private final Projects projects;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Patents(
            PatentDeclarationRepository declarations,
            Projects projects,
            ApplicationEventPublisher events,
            Clock clock) {
        this.declarations = declarations;
        this.projects = projects;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public PatentView declare(long projectId, NewDeclaration d) {
        Project p = projects.project(projectId);
        Participant me = Participant.current();
        if (!me.isPerson()) {
            throw new NotPermittedException("development.error.not-a-person");
        }
        if (p.stage().isFinal()) {
            throw new ConflictException(
                    "development.error.project-ended", p.stage().code());
        }
        String number = d == null || d.patentNumber() == null
                ? null
                : d.patentNumber().strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        var errors = new InvalidInputException.Collector();
        errors.check(d != null && text(d.holder(), 200), "holder", "development.error.patent-holder");
        errors.check(
                number != null && number.matches("[A-Z0-9.\\-/]{4,100}"),
                "patentNumber",
                "development.error.patent-number");
        errors.check(
                d != null && (d.title() == null || d.title().length() <= 500),
                "title",
                "development.error.comment-field");
        errors.check(d != null && d.licensing() != null, "licensing", "development.error.patent-licensing");
        errors.throwIfAny();
        if (declarations.existsByProjectIdAndPatentNumber(projectId, number)) {
            throw new ConflictException("development.error.patent-declared", number);
        }
        PatentDeclaration saved = declarations.save(new PatentDeclaration(
                projectId,
                d.holder().strip(),
                number,
                d.title() == null || d.title().isBlank() ? null : d.title().strip(),
                d.licensing(),
                me.personId(),
                me.name(),
                clock.instant()));
        events.publishEvent(StateChanged.of(Projects.AUDIT_TYPE, projectId, "patent-declared")
                .withChange("patent", null, number + " " + d.holder().strip() + " " + d.licensing()));
        return saved.view();
    }

    private static boolean text(String s, int max) {
        return s != null && !s.isBlank() && s.strip().length() <= max && !ControlCharacters.present(s);
    }

    @Transactional(readOnly = true)
    public List<PatentView> of(long projectId) {
        projects.project(projectId);
        return declarations.findByProjectIdOrderByIdAsc(projectId).stream()
                .map(PatentDeclaration::view)
                .toList();
    }
}
