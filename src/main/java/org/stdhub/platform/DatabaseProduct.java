package org.stdhub.platform;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, for the few statements written differently on PostgreSQL and on the
 * embedded H2 (a query plan each answers well, planner statistics). Asked of the connection once, on first use.
 */
@Component
public class DatabaseProduct {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    DatabaseProduct(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Is it PostgreSQL? */
    public boolean postgres() {
        Boolean p = postgres;
        if (p == null) {
            p = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                    c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
            postgres = p;
        }
        return p;
    }
}
