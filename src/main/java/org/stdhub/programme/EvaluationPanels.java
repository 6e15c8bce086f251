package org.stdhub.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.DrawForms;
import org.stdhub.talent.DrawMemberReplaced;
import org.stdhub.talent.DrawPurpose;
import org.stdhub.talent.DrawView;
import org.stdhub.talent.Draws;
import org.stdhub.talent.ExpertsDrawn;

/**
 * The expert panel of an evaluation, drawn through the talent center: the base office requests the draw from the
 * evaluation (purpose evaluation, the evaluated unit as party, so that its own people and close relations are kept
 * out by the talent center's avoidance rules); when talent draws, its serving members are seated on the panel as
 * person accounts, and a member who leaves (declines, is disqualified, declares a conflict) gives the seat to the
 * reserve who replaces them. Who sits is shown before the evaluation concludes only to the officer who requested the
 * draw (its responsible officer, recorded as the panel's officer) and to the administrators, as the talent center
 * seals the draw's result; everyone else who reads the evaluation sees that the panel exists and how many sheets are
 * in.
 */
@Service
@Transactional
public class EvaluationPanels {

    private final JdbcClient jdbc;
    private final Draws draws;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvaluationPanels(JdbcClient jdbc, Draws draws, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.draws = draws;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The base office requests the panel's draw for an evaluation not yet scored: the fields (ICS/CCS codes) and the
     * numbers of members (odd) and reserves are the talent center's rules. The requesting officer is the draw's
     * responsible officer and commits and draws it on the draw's page.
     */
    @PreAuthorize(Contracts.OFFICE)
    public DrawView requestDraw(long evaluationId, EvaluationForms.PanelRequest form) {
        Evaluations.Row e = jdbc.sql("select * from programme_evaluation where id = ?")
                .param(evaluationId)
                .query(Evaluations::row)
                .optional()
                .orElseThrow(() -> new NotFoundException("programme.error.no-evaluation"));
        if (e.state() != EvaluationState.DRAFT && e.state() != EvaluationState.SELF_EVALUATED) {
            throw new ConflictException("programme.error.evaluation-state", e.state());
        }
        if (e.drawId() != null) {
            throw new ConflictException("programme.error.panel-requested", e.drawId());
        }
        if (form == null) {
            throw new InvalidInputException(java.util.Map.of("fieldCodes", "talent.error.fields-required"));
        }
        String subject = "基地评估/evaluation #" + evaluationId + " · " + e.organizationName() + " · " + e.round();
        DrawView draw = draws.request(new DrawForms.NewDraw(
                DrawPurpose.EVALUATION,
                subject.length() > 300 ? subject.substring(0, 300) : subject,
                form.fieldCodes(),
                form.members(),
                form.reserves(),
                null,
                List.of(e.organizationId()),
                List.of(),
                List.of(),
                List.of()));
        int changed = jdbc.sql("update programme_evaluation set draw_id = ?, panel_ref = ?, panel_officer_person_id = ?"
                        + " where id = ? and draw_id is null")
                .params(draw.id(), "talent draw " + draw.id(), draw.responsiblePersonId(), evaluationId)
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(Evaluations.AUDIT_TYPE, evaluationId, "panel-requested")
                .withChange("draw", null, draw.id())
                .withChange("members", null, draw.members())
                .withChange("reserves", null, draw.reserves()));
        return draw;
    }

    /** Talent drew a panel: if it is an evaluation's, its members are seated (in the draw's transaction). */
    @EventListener
    void on(ExpertsDrawn drawn) {
        if (drawn.purpose() != DrawPurpose.EVALUATION) {
            return;
        }
        Long evaluation = evaluationOfDraw(drawn.drawId());
        if (evaluation == null) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int seat = 0;
        for (Long person : drawn.memberPeople()) {
            seat++;
            if (person != null) {
                jdbc.sql("insert into programme_evaluation_panel (evaluation_id, person_id, seat, active, joined_at)"
                                + " values (?, ?, ?, true, ?)")
                        .params(evaluation, person, seat, now)
                        .update();
            }
        }
        // the sealed result is not written into the evaluation's history: only how many were seated
        events.publishEvent(StateChanged.of(Evaluations.AUDIT_TYPE, evaluation, "panel-drawn")
                .withChange("draw", null, drawn.drawId())
                .withChange("members", null, drawn.memberPeople().size()));
    }

    /** A member left the drawn panel: the seat goes to the reserve who replaced them; their sheet no longer counts. */
    @EventListener
    void on(DrawMemberReplaced replaced) {
        Long evaluation = evaluationOfDraw(replaced.drawId());
        if (evaluation == null) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        Integer seat = jdbc.sql("select seat from programme_evaluation_panel where evaluation_id = ? and person_id = ?"
                        + " and active = true")
                .params(evaluation, replaced.replacedPerson())
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (seat == null) {
            return; // a waiting reserve dropped out: nobody on the panel changed
        }
        jdbc.sql("update programme_evaluation_panel set active = false, left_at = ? where evaluation_id = ?"
                        + " and person_id = ?")
                .params(now, evaluation, replaced.replacedPerson())
                .update();
        if (replaced.byPerson() != null) {
            jdbc.sql("insert into programme_evaluation_panel (evaluation_id, person_id, seat, active, joined_at)"
                            + " values (?, ?, ?, true, ?)")
                    .params(evaluation, replaced.byPerson(), seat, now)
                    .update();
        }
        events.publishEvent(StateChanged.of(Evaluations.AUDIT_TYPE, evaluation, "panel-member-replaced")
                .withChange("seat", null, seat)
                .withComment(replaced.outcome()));
    }

    /** The people seated on the evaluation's panel now. */
    Set<Long> members(long evaluationId) {
        return new TreeSet<>(jdbc.sql("select person_id from programme_evaluation_panel where evaluation_id = ?"
                        + " and active = true")
                .param(evaluationId)
                .query(Long.class)
                .list());
    }

    /** The evaluations on whose panel the person sits now. */
    Set<Long> evaluationsOf(Long personId) {
        if (personId == null) {
            return Set.of();
        }
        return new TreeSet<>(jdbc.sql("select evaluation_id from programme_evaluation_panel where person_id = ?"
                        + " and active = true")
                .param(personId)
                .query(Long.class)
                .list());
    }

    private Long evaluationOfDraw(long drawId) {
        return jdbc.sql("select id from programme_evaluation where draw_id = ?")
                .param(drawId)
                .query(Long.class)
                .optional()
                .orElse(null);
    }
}
