package org.stdhub.compliance.watch;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.Objects;

/**
 * A list of what a person, or an organization's members together, follow in the catalog. Its items and alerts are
 * kept beside it (set-based tables); the list itself holds its name, owner, e-mail choice and feed secret.
 */
@Entity
@Table(name = "watchlist")
public class Watchlist {

    public static final int MAX_NAME = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_person_id")
    private Long ownerPersonId;

    @Column(name = "owner_organization_id")
    private Long ownerOrganizationId;

    @Column(nullable = false)
    private String name;

    @Column(name = "default_of_person_id")
    private Long defaultOfPersonId;

    @Column(name = "feed_token_hash", nullable = false)
    private String feedTokenHash;

    @Column(name = "feed_token_prefix", nullable = false)
    private String feedTokenPrefix;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Digest digest;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Watchlist() {}

    private Watchlist(Long person, Long organization, String name, Digest digest, FeedToken token, Instant now) {
        if ((person == null) == (organization == null)) {
            throw new IllegalArgumentException("a watchlist has exactly one owner");
        }
        this.ownerPersonId = person;
        this.ownerOrganizationId = organization;
        this.name = name;
        this.digest = Objects.requireNonNull(digest);
        this.feedTokenHash = token.hash();
        this.feedTokenPrefix = token.prefix();
        this.createdAt = now;
    }

    static Watchlist ofPerson(long personId, String name, Digest digest, FeedToken token, Instant now) {
        return new Watchlist(personId, null, name, digest, token, now);
    }

    static Watchlist ofOrganization(long organizationId, String name, Digest digest, FeedToken token, Instant now) {
        return new Watchlist(null, organizationId, name, digest, token, now);
    }

    /** The person's default list, which the one-click "watch" button fills. */
    static Watchlist defaultOf(long personId, String name, FeedToken token, Instant now) {
        Watchlist list = new Watchlist(personId, null, name, Digest.DAILY, token, now);
        list.defaultOfPersonId = personId;
        return list;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void changeDigest(Digest newDigest) {
        this.digest = Objects.requireNonNull(newDigest);
    }

    void replaceFeedToken(FeedToken token) {
        this.feedTokenHash = token.hash();
        this.feedTokenPrefix = token.prefix();
    }

    /** Whether {@code token} is this list's feed secret (constant-time comparison of the hashes). */
    boolean acceptsFeedToken(String token) {
        return FeedToken.matches(token, feedTokenHash);
    }

    public boolean isPersonal() {
        return ownerPersonId != null;
    }

    public boolean isDefault() {
        return defaultOfPersonId != null;
    }

    public Long getId() {
        return id;
    }

    public Long getOwnerPersonId() {
        return ownerPersonId;
    }

    public Long getOwnerOrganizationId() {
        return ownerOrganizationId;
    }

    public String getName() {
        return name;
    }

    public Digest getDigest() {
        return digest;
    }

    /** The first characters of the feed token, so that a person recognises the address they saved. */
    public String getFeedTokenPrefix() {
        return feedTokenPrefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
