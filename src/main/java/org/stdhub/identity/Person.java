package org.stdhub.identity;

import jakarta.persistence.*;
import java.time.Instant;
import org.stdhub.platform.ConflictException;

/** A person with an account: logs in, holds roles in organizations through memberships. */
@Entity
@Table(name = "person")
public class Person {

    /** Pending until the e-mail address is verified; suspended by an administrator. */
    public enum Status {
        PENDING,
        ACTIVE,
        SUSPENDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String login;

    @Column(nullable = false)
    private String email;

    private String mobile;

    @Column(name = "display_name_zh", nullable = false)
    private String displayNameZh;

    @Column(name = "display_name_en")
    private String displayNameEn;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    /**
     * Bumped whenever what a signed-in session of this person may do changes (suspension, password change or
     * reset, a role granted or ended): sessions holding an older number are reloaded or ended.
     */
    @Column(name = "security_version", nullable = false)
    private int securityVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Person() {}

    Person(
            String login,
            String email,
            String mobile,
            String displayNameZh,
            String displayNameEn,
            String passwordHash,
            Status status,
            Instant now) {
        this.login = login;
        this.email = email;
        this.mobile = mobile;
        this.displayNameZh = displayNameZh;
        this.displayNameEn = displayNameEn;
        this.passwordHash = passwordHash;
        this.status = status;
        this.createdAt = now;
    }

    void verifyEmail(Instant now) {
        emailVerifiedAt = now;
        if (status == Status.PENDING) {
            status = Status.ACTIVE;
        }
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
        mustChangePassword = false;
        securityChanged();
    }

    void requirePasswordChange() {
        mustChangePassword = true;
    }

    void changeProfile(String displayNameZh, String displayNameEn, String mobile) {
        this.displayNameZh = displayNameZh;
        this.displayNameEn = displayNameEn;
        this.mobile = mobile;
    }

    /** Suspends an account that is not suspended yet (else 409). */
    void suspend() {
        if (status == Status.SUSPENDED) {
            throw new ConflictException("person.error.already-suspended", login);
        }
        status = Status.SUSPENDED;
        securityChanged();
    }

    /** Reactivates a suspended account (else 409): active again, or pending while its address is unverified. */
    void reactivate() {
        if (status != Status.SUSPENDED) {
            throw new ConflictException("person.error.not-suspended", login);
        }
        status = emailVerifiedAt == null ? Status.PENDING : Status.ACTIVE;
        securityChanged();
    }

    /** Open sessions must look at this account again (see {@link #getSecurityVersion()}). */
    void securityChanged() {
        securityVersion++;
    }

    public Long getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getEmail() {
        return email;
    }

    public String getMobile() {
        return mobile;
    }

    public String getDisplayNameZh() {
        return displayNameZh;
    }

    public String getDisplayNameEn() {
        return displayNameEn;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getEmailVerifiedAt() {
        return emailVerifiedAt;
    }

    public int getSecurityVersion() {
        return securityVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
