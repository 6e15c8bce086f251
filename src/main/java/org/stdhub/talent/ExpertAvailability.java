package org.stdhub.talent;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRepository;
import org.stdhub.talent.expert.UnavailablePeriod;

/**
 * When an expert cannot serve: periods of unavailability (both days inclusive, open-ended while the last day is
 * empty), several per expert and never overlapping. The expert or the base office declares and removes them; each
 * change is audited on the expert ({@link StateChanged} of type {@value Experts#AUDIT_TYPE}). Availability is not a
 * qualification field, so a change never sends an approved expert back to review. The staff search's availability
 * filter and the pool of a draw (frozen on the day of its commitment) leave out an expert on any day one of their
 * periods covers.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class ExpertAvailability {

    /** The most periods of unavailability one expert keeps at a time. */
    public static final int MAX_PERIODS = 20;

    private final Experts experts;
    private final ExpertRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExpertAvailability(Experts experts, ExpertRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.experts = experts;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Declares a period of unavailability (the expert, or the base office). Refused: no first day, a last day before
     * the first, a period already over (400); a period overlapping another of the expert's, or more than {@value
     * #MAX_PERIODS} (409).
     */
    public ExpertView addPeriod(long id, ExpertForms.UnavailablePeriodForm f) {
        LocalDate from = f == null ? null : f.unavailableFrom();
        LocalDate to = f == null ? null : f.unavailableTo();
        var errors = new InvalidInputException.Collector();
        errors.check(from != null, "unavailableFrom", "talent.error.period-from-required");
        errors.check(from == null || to == null || !to.isBefore(from), "unavailableTo", "talent.error.dates");
        errors.check(
                from == null || to == null || to.isBefore(from) || !to.isBefore(LocalDate.now(clock)),
                "unavailableTo",
                "talent.error.period-over");
        errors.throwIfAny();
        // one change at a time per expert: the overlap check reads every period of the expert
        repository.lockById(id);
        Viewer viewer = Viewer.current();
        Expert e = experts.ownOrOffice(id, viewer);
        for (UnavailablePeriod other : e.getUnavailablePeriods()) {
            if (other.overlaps(from, to)) {
                throw new ConflictException(
                        "talent.error.period-overlap",
                        other.getStartsOn().toString(),
                        other.getEndsOn() == null ? "…" : other.getEndsOn().toString());
            }
        }
        if (e.getUnavailablePeriods().size() >= MAX_PERIODS) {
            throw new ConflictException("talent.error.too-many-periods", MAX_PERIODS);
        }
        UnavailablePeriod added = e.addUnavailablePeriod(from, to);
        repository.flush();
        events.publishEvent(StateChanged.of(Experts.AUDIT_TYPE, e.getId(), "unavailable-period-added")
                .withChange("unavailableFrom", null, from)
                .withChange("unavailableTo", null, to)
                .withChange("unavailablePeriodId", null, added.getId()));
        return experts.view(e, viewer);
    }

    /** Removes a period of unavailability (the expert, or the base office). */
    public ExpertView removePeriod(long id, long periodId) {
        repository.lockById(id);
        Viewer viewer = Viewer.current();
        Expert e = experts.ownOrOffice(id, viewer);
        UnavailablePeriod p =
                e.unavailablePeriod(periodId).orElseThrow(() -> new NotFoundException("talent.error.no-period"));
        LocalDate from = p.getStartsOn();
        LocalDate to = p.getEndsOn();
        e.removeUnavailablePeriod(periodId);
        repository.flush();
        events.publishEvent(StateChanged.of(Experts.AUDIT_TYPE, e.getId(), "unavailable-period-removed")
                .withChange("unavailablePeriodId", periodId, null)
                .withChange("unavailableFrom", from, null)
                .withChange("unavailableTo", to, null));
        return experts.view(e, viewer);
    }
}
