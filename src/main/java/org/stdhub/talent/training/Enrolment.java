package org.stdhub.talent.training;

import jakarta.persistence.*;
import java.time.Instant;
import org.stdhub.talent.EnrolmentState;

/** A person's place (or place on the waiting list) in a session; moved only through {@link #move}. */
@Entity
@Table(name = "enrolment")
public class Enrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    private long sessionId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "person_name", nullable = false)
    private String personName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrolmentState state;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    private int version;

    protected Enrolment() {}

    public Enrolment(long sessionId, long personId, String personName, EnrolmentState state, Instant now) {
        this.sessionId = sessionId;
        this.personId = personId;
        this.personName = personName;
        this.state = state;
        this.enrolledAt = now;
        this.changedAt = now;
    }

    /** Moves to {@code to}; the caller has checked the transition. */
    public void move(EnrolmentState to, Instant now) {
        this.state = to;
        this.changedAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getSessionId() {
        return sessionId;
    }

    public long getPersonId() {
        return personId;
    }

    public String getPersonName() {
        return personName;
    }

    public EnrolmentState getState() {
        return state;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }
}
