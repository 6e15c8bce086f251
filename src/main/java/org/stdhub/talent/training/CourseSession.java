package org.stdhub.talent.training;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

/** One session of a course: where and when, how many places, the fee recorded, and its trainer. */
@Entity
@Table(name = "course_session")
public class CourseSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "course_id", nullable = false, updatable = false)
    private long courseId;

    @Column(nullable = false)
    private String place;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "fee_yuan", nullable = false)
    private BigDecimal feeYuan;

    @Column(name = "trainer_person_id", nullable = false)
    private long trainerPersonId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected CourseSession() {}

    public CourseSession(
            long courseId,
            String place,
            Instant startsAt,
            Instant endsAt,
            int capacity,
            BigDecimal feeYuan,
            long trainerPersonId,
            Instant now) {
        this.courseId = courseId;
        this.place = place;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.capacity = capacity;
        this.feeYuan = feeYuan;
        this.trainerPersonId = trainerPersonId;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public long getCourseId() {
        return courseId;
    }

    public String getPlace() {
        return place;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public int getCapacity() {
        return capacity;
    }

    public BigDecimal getFeeYuan() {
        return feeYuan;
    }

    public long getTrainerPersonId() {
        return trainerPersonId;
    }
}
