package org.stdhub.talent.expert;

import jakarta.persistence.*;
import java.time.LocalDate;

/**
 * A period in which the expert cannot serve on a panel (both days inclusive; open-ended while {@code endsOn} is
 * empty). An expert may declare several; they never overlap.
 */
@Entity
@Table(name = "expert_unavailable_period")
public class UnavailablePeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "expert_id")
    private Expert expert;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on")
    private LocalDate endsOn;

    protected UnavailablePeriod() {}

    UnavailablePeriod(Expert expert, LocalDate startsOn, LocalDate endsOn) {
        this.expert = expert;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    /** Does the period share a day with {@code from}–{@code to} ({@code to} empty: open-ended)? */
    public boolean overlaps(LocalDate from, LocalDate to) {
        LocalDate end = endsOn == null ? LocalDate.MAX : endsOn;
        LocalDate otherEnd = to == null ? LocalDate.MAX : to;
        return !startsOn.isAfter(otherEnd) && !from.isAfter(end);
    }

    /** Is {@code day} within the period? */
    public boolean covers(LocalDate day) {
        return overlaps(day, day);
    }

    public Long getId() {
        return id;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }
}
