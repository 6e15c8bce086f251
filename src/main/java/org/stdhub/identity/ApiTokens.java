package org.stdhub.identity;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;

/**
 * API tokens for machine clients: created by a person, scoped, revocable, stored hashed. Only a person signed in
 * with their password creates tokens: a token never makes another one (it could otherwise widen its own scope
 * or outlive its expiry).
 */
@Service
@Transactional
public class ApiTokens {

    /** What a token may be used for. */
    public static final Set<String> SCOPES = Set.of("read", "write");

    static final String PREFIX = "sth_";

    private final ApiTokenRepository tokens;
    private final PersonRepository people;
    private final Principals principals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(
            ApiTokenRepository tokens,
            PersonRepository people,
            Principals principals,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tokens = tokens;
        this.people = people;
        this.principals = principals;
        this.events = events;
        this.clock = clock;
    }

    /** A new token; the secret is returned once and only its hash is kept. */
    // Serializable: shown once as a flash attribute, which the cluster profile keeps in the database session
    public record IssuedToken(long id, String name, String secret, Set<String> scopes, Instant expiresAt)
            implements Serializable {}

    @PreAuthorize("isAuthenticated() and #login == authentication.name")
    public IssuedToken create(String login, String name, Set<String> scopes, Integer validDays) {
        if (ApiTokenAuthentication.isToken(SecurityContextHolder.getContext().getAuthentication())) {
            throw new AccessDeniedException("an API token cannot create API tokens");
        }
        return createUnchecked(login, name, scopes, validDays);
    }

    IssuedToken createUnchecked(String login, String name, Set<String> scopes, Integer validDays) {
        var errors = new InvalidInputException.Collector();
        errors.check(name != null && !name.isBlank() && name.strip().length() <= 100, "name", "token.error.name");
        errors.check(scopes != null && !scopes.isEmpty() && SCOPES.containsAll(scopes), "scopes", "token.error.scopes");
        errors.check(validDays == null || (validDays >= 1 && validDays <= 3650), "validDays", "token.error.days");
        errors.throwIfAny();
        Person person = people.findByLoginIgnoreCase(login)
                .orElseThrow(() -> new NotFoundException("person.error.not-found", login));
        String secret = Secrets.newToken(PREFIX);
        Instant now = clock.instant();
        Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
        String scopeList = String.join(",", new TreeSet<>(scopes));
        ApiToken token = tokens.save(new ApiToken(
                person, name.strip(), secret.substring(0, 10), Secrets.sha256(secret), scopeList, now, expires));
        events.publishEvent(StateChanged.of("person", person.getLogin(), "token-created")
                .withChange("token", null, token.getName() + " [" + scopeList + "] " + token.getTokenPrefix() + "…"));
        return new IssuedToken(token.getId(), token.getName(), secret, new TreeSet<>(scopes), expires);
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ApiToken> mine(long personId, org.stdhub.identity.StdHubUser me) {
        if (me.personId() != personId && !me.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("not your tokens");
        }
        return tokens.findByPerson(personId);
    }

    /** The owner or an admin revokes a token; a revoked token fails at once. Revoking it again changes nothing. */
    @PreAuthorize("isAuthenticated()")
    public void revoke(long tokenId, StdHubUser me) {
        ApiToken t =
                tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("token.error.not-found", tokenId));
        if (t.getPerson().getId() != me.personId() && !me.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("not your token");
        }
        if (t.getRevokedAt() != null) {
            return;
        }
        t.revoke(clock.instant());
        events.publishEvent(StateChanged.of("person", t.getPerson().getLogin(), "token-revoked")
                .withChange("token", t.getName() + " " + t.getTokenPrefix() + "…", null));
    }

    /**
     * The principal a presented token stands for, when it is known, unrevoked, unexpired and its owner active. Failed
     * password logins do not stop tokens (anyone could otherwise cut a client off by mistyping its owner's password).
     */
    public Optional<StdHubUser> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(Secrets.sha256(secret))
                .filter(t -> t.isUsable(now))
                .map(t -> {
                    t.used(now);
                    return principals.principal(
                            t.getPerson(), Set.of(t.getScopes().split(",")));
                })
                .filter(StdHubUser::isEnabled);
    }
}
