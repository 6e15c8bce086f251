package org.stdhub.identity;

import jakarta.persistence.*;
import java.time.Duration;
import java.time.Instant;

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

    static final int MAX_FAILED_LOGINS = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

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

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

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
        failedLogins = 0;
        lockedUntil = null;
    }

    void requirePasswordChange() {
        mustChangePassword = true;
    }

    void changeProfile(String displayNameZh, String displayNameEn, String mobile) {
        this.displayNameZh = displayNameZh;
        this.displayNameEn = displayNameEn;
        this.mobile = mobile;
    }

    void suspend() {
        status = Status.SUSPENDED;
    }

    void reactivate() {
        status = emailVerifiedAt == null ? Status.PENDING : Status.ACTIVE;
    }

    /** Counts a failed login; locks the account for a while after too many. Returns true when it just locked. */
    boolean loginFailed(Instant now) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
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

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
