package org.stdhub.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * The base's construction phases as milestones, in order. The base office keeps each phase's dates and deliverables
 * as the base's plan has them and records the day a phase was reached; every change is audited.
 */
@Service
@Transactional(readOnly = true)
public class ConstructionPhases {

    static final String AUDIT_TYPE = "programme-phase";
    private static final int MAX_DELIVERABLES = 20;

    /**
     * A phase as the base office edits it: planned start and end, the deliverables (one per line, at most 20 of at most
     * 200 characters), and the day it was reached (empty while not reached; not in the future).
     */
    public record PhaseEdit(LocalDate startsOn, LocalDate endsOn, List<String> deliverables, LocalDate reachedOn) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConstructionPhases(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public List<ConstructionPhase> list() {
        return jdbc.sql("select * from programme_phase order by position")
                .query((rs, n) -> phase(
                        rs.getString("code"),
                        rs.getInt("position"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class),
                        rs.getString("deliverables"),
                        rs.getObject("reached_on", LocalDate.class)))
                .list();
    }

    /** Changes a phase's dates, deliverables and reached day (base office, audited with before and after). */
    @PreAuthorize(Contracts.OFFICE)
    @Transactional
    public ConstructionPhase update(String code, PhaseEdit edit) {
        ConstructionPhase before = list().stream()
                .filter(p -> p.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("programme.error.no-phase"));
        var errors = new InvalidInputException.Collector();
        errors.check(edit != null && edit.startsOn() != null, "startsOn", "programme.error.required");
        errors.check(edit != null && edit.endsOn() != null, "endsOn", "programme.error.required");
        if (edit != null && edit.startsOn() != null && edit.endsOn() != null) {
            errors.check(!edit.endsOn().isBefore(edit.startsOn()), "endsOn", "programme.error.phase-dates");
        }
        List<String> deliverables = new ArrayList<>();
        if (edit != null && edit.deliverables() != null) {
            for (String d : edit.deliverables()) {
                if (d != null && !d.isBlank()) {
                    deliverables.add(d.strip());
                }
            }
        }
        errors.check(
                !deliverables.isEmpty()
                        && deliverables.size() <= MAX_DELIVERABLES
                        && deliverables.stream().allMatch(d -> d.length() <= 200 && !d.contains(";")),
                "deliverables",
                "programme.error.phase-deliverables");
        errors.check(
                edit == null || edit.reachedOn() == null || !edit.reachedOn().isAfter(LocalDate.now(clock)),
                "reachedOn",
                "programme.error.phase-reached");
        errors.throwIfAny();
        String joined = String.join(";", deliverables);
        int changed = jdbc.sql("update programme_phase set starts_on = ?, ends_on = ?, deliverables = ?, reached_on = ?"
                        + " where code = ? and starts_on = ? and ends_on = ?")
                .params(
                        edit.startsOn(),
                        edit.endsOn(),
                        joined,
                        edit.reachedOn(),
                        code,
                        before.startsOn(),
                        before.endsOn())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        StateChanged event = StateChanged.of(AUDIT_TYPE, code, "updated");
        if (!before.startsOn().equals(edit.startsOn())) {
            event = event.withChange("startsOn", before.startsOn(), edit.startsOn());
        }
        if (!before.endsOn().equals(edit.endsOn())) {
            event = event.withChange("endsOn", before.endsOn(), edit.endsOn());
        }
        if (!before.deliverables().equals(deliverables)) {
            event = event.withChange(
                    "deliverables", String.join("; ", before.deliverables()), String.join("; ", deliverables));
        }
        if (!Objects.equals(before.reachedOn(), edit.reachedOn())) {
            event = event.withChange("reachedOn", before.reachedOn(), edit.reachedOn());
        }
        events.publishEvent(event);
        return list().stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    private ConstructionPhase phase(
            String code, int position, LocalDate starts, LocalDate ends, String deliverables, LocalDate reached) {
        LocalDate today = LocalDate.now(clock);
        return new ConstructionPhase(
                code,
                position,
                starts,
                ends,
                Arrays.stream(deliverables.split(";"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                reached,
                !today.isBefore(starts) && !today.isAfter(ends),
                reached == null && today.isAfter(ends));
    }
}
