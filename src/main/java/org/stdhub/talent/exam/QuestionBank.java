package org.stdhub.talent.exam;

import jakarta.persistence.*;
import java.time.Instant;

/** A trainer's bank of exam questions. */
@Entity
@Table(name = "question_bank")
public class QuestionBank {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(name = "owner_person_id", nullable = false, updatable = false)
    private long ownerPersonId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected QuestionBank() {}

    public QuestionBank(String title, long ownerPersonId, Instant now) {
        this.title = title;
        this.ownerPersonId = ownerPersonId;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public long getOwnerPersonId() {
        return ownerPersonId;
    }
}
