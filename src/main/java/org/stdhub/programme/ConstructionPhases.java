package org.stdhub.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The base's construction phases as milestones, in order. */
@Service
@Transactional(readOnly = true)
public class ConstructionPhases {

    private final JdbcClient jdbc;
    private final Clock clock;

    ConstructionPhases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public List<ConstructionPhase> list() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("select * from programme_phase order by position")
                .query((rs, n) -> {
                    LocalDate starts = rs.getObject("starts_on", LocalDate.class);
                    LocalDate ends = rs.getObject("ends_on", LocalDate.class);
                    LocalDate reached = rs.getObject("reached_on", LocalDate.class);
                    return new ConstructionPhase(
                            rs.getString("code"),
                            rs.getInt("position"),
                            starts,
                            ends,
                            Arrays.stream(rs.getString("deliverables").split(";"))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList(),
                            reached,
                            !today.isBefore(starts) && !today.isAfter(ends),
                            reached == null && today.isAfter(ends));
                })
                .list();
    }
}
