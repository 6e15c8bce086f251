package org.stdhub.research;

import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.programme.Committees;

/**
 * The expert committee's opinions on research plans, kept as decisions of the committee's meetings in the programme
 * module's committee records (its public API), linked to the project ({@code research-project}:{@code id}). Research
 * depends on programme and not the other way round, so the link is made from here; programme knows nothing of
 * research. Those who see the project and are signed in read the opinions; the base office records them.
 */
@Service
@Transactional
public class CommitteeOpinions {

    public static final String SUBJECT_TYPE = "research-project";

    private final ResearchProjects projects;
    private final Committees committees;
    private final ApplicationEventPublisher events;

    CommitteeOpinions(ResearchProjects projects, Committees committees, ApplicationEventPublisher events) {
        this.projects = projects;
        this.committees = committees;
        this.events = events;
    }

    /** The opinions on project {@code id}, oldest first; for those who see the project. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Committees.SubjectDecision> on(long id) {
        projects.get(id);
        return committees.decisionsOn(SUBJECT_TYPE, String.valueOf(id));
    }

    /** The expert committee's meetings an opinion may be recorded at, latest first (base office). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Committees.MeetingRef> meetings() {
        if (!Researcher.current().office()) {
            return List.of();
        }
        return committees.meetingsOf(Committees.Kind.EXPERT_COMMITTEE);
    }

    /** The base office records the opinion given at an expert committee meeting on project {@code id}'s plan. */
    @PreAuthorize("isAuthenticated()")
    public List<Committees.SubjectDecision> record(long id, Long meetingId, String text) {
        ResearchProjectView p = projects.get(id);
        if (!Researcher.current().office()) {
            throw new NotPermittedException("research.error.not-permitted");
        }
        if (meetingId == null
                || committees.meetingsOf(Committees.Kind.EXPERT_COMMITTEE).stream()
                        .noneMatch(m -> m.meetingId() == meetingId)) {
            throw new InvalidInputException(Map.of("meetingId", "research.error.meeting"));
        }
        committees.addOpinionOnOtherRecord(meetingId, text, SUBJECT_TYPE, String.valueOf(p.id()));
        events.publishEvent(StateChanged.of(ResearchProjects.AUDIT_TYPE, p.id(), "opinion-recorded")
                .withChange("opinion", null, text == null ? null : text.strip()));
        return on(id);
    }
}
