package org.stdhub.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.Designation;
import org.stdhub.platform.StateChanged;

/**
 * For other modules: an organization follows standards on a list of its own, named by the caller (e.g. the
 * standards an enterprise declared it implements). The list is an ordinary organization watchlist: its members see
 * it and its alerts on {@code /alerts} (withdrawals, replacements, new editions), by the daily e-mail digest. The
 * caller checks who may make the organization follow what; this adds what is missing and nothing twice.
 */
@Service
@Transactional
public class OrganizationWatch {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationWatch(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Makes the organization's list {@code listName} (created when missing) follow {@code designations}; those that
     * cannot be read as designations are left out.
     *
     * @return the list's id
     */
    public long follow(long organizationId, String listName, Collection<String> designations) {
        long listId = listOf(organizationId, listName);
        Timestamp now = Timestamp.from(clock.instant());
        for (String text : designations) {
            Designation.tryParse(text)
                    .ifPresent(d -> jdbc.update(
                            "insert into watch_item (watchlist_id, kind, item_value, work_key, created_at)"
                                    + " values (?, 'STANDARD', ?, ?, ?) on conflict do nothing",
                            listId,
                            d.normalized(),
                            d.compactWorkKey(),
                            now));
        }
        return listId;
    }

    private long listOf(long organizationId, String listName) {
        List<Long> found = jdbc.queryForList(
                "select id from watchlist where owner_organization_id = ? and name = ? order by id",
                Long.class,
                organizationId,
                listName);
        if (!found.isEmpty()) {
            return found.getFirst();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "insert into watchlist (owner_organization_id, name, feed_token_hash, feed_token_prefix,"
                                    + " digest, created_at) values (?, ?, ?, ?, 'DAILY', ?)",
                            new String[] {"id"});
                    ps.setLong(1, organizationId);
                    ps.setString(2, listName);
                    ps.setString(3, sha256(token));
                    ps.setString(4, token.substring(0, 6));
                    ps.setTimestamp(5, Timestamp.from(clock.instant()));
                    return ps;
                },
                key);
        long id = key.getKey().longValue();
        events.publishEvent(
                StateChanged.of("watchlist", id, "created").withChange("organization", null, organizationId));
        return id;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
