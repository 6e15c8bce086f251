package org.stdhub.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The usual alternative: the same rows (designation, Chinese and English title) in a PostgreSQL table with
 * trigram GIN indexes ({@code pg_trgm}), searched with {@code ILIKE '%q%'} or with {@code %} / {@code
 * similarity()} ordered by similarity, 10 rows. Statements are planned per query with the actual value
 * ({@code prepareThreshold=0}: no generic plans).
 */
final class PostgresTargets {

    static final String SCHEMA = "stdhub_bench";
    /** A query still running after this is cancelled and counted as an error (and a miss). */
    static final int TIMEOUT_SECONDS = 30;

    private final String url;

    PostgresTargets(String url) {
        this.url = url;
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("prepareThreshold", "0");
        p.setProperty("ApplicationName", "stdhub-bench");
        Connection c = DriverManager.getConnection(url, p);
        try (Statement s = c.createStatement()) {
            s.execute("set statement_timeout = '" + TIMEOUT_SECONDS + "s'");
        }
        return c;
    }

    String version() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    static String table(long rows) {
        return SCHEMA + ".standard_" + rows;
    }

    /** What a load took. */
    record Load(boolean reused, long rows, double copySeconds, double indexSeconds, String size) {}

    /**
     * Copies designation and titles of every standard from StdHub's database into {@code stdhub_bench.standard_N}
     * and indexes them, unless a copy with the same fingerprint is there already.
     */
    Load load(JdbcTemplate catalog, long rows, String fingerprint, boolean reload) throws SQLException {
        String table = table(rows);
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("set statement_timeout = 0");
            s.execute("create extension if not exists pg_trgm");
            s.execute("create schema if not exists " + SCHEMA);
            if (!reload) {
                try (ResultSet rs =
                        s.executeQuery("select obj_description(to_regclass('" + table + "'), 'pg_class')")) {
                    if (rs.next() && fingerprint.equals(rs.getString(1))) {
                        return new Load(true, rows, 0, 0, size(s, table));
                    }
                }
            }
            s.execute("drop table if exists " + table);
            s.execute("create table " + table
                    + " (id bigint primary key, designation text not null, title_zh text, title_en text)");
            long start = System.nanoTime();
            CopyIn copy = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy " + table + " (id, designation, title_zh, title_en) from stdin");
            try {
                StringBuilder buffer = new StringBuilder(1 << 20);
                catalog.query("select id, designation, title_zh, title_en from standard", rs -> {
                    buffer.append(rs.getLong(1)).append('\t');
                    field(buffer, rs.getString(2)).append('\t');
                    field(buffer, rs.getString(3)).append('\t');
                    field(buffer, rs.getString(4)).append('\n');
                    if (buffer.length() > (1 << 20) - 8192) {
                        flush(copy, buffer);
                    }
                });
                flush(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            double copySeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            s.execute("set maintenance_work_mem = '512MB'");
            for (String column : List.of("designation", "title_zh", "title_en")) {
                s.execute("create index on " + table + " using gin (" + column + " gin_trgm_ops)");
            }
            s.execute("analyze " + table);
            double indexSeconds = (System.nanoTime() - start) / 1e9;
            s.execute("comment on table " + table + " is '" + fingerprint.replace("'", "''") + "'");
            return new Load(false, rows, copySeconds, indexSeconds, size(s, table));
        }
    }

    private static String size(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("select pg_size_pretty(pg_table_size('" + table + "')),"
                + " pg_size_pretty(pg_indexes_size('" + table + "'))")) {
            rs.next();
            return "table " + rs.getString(1) + ", indexes " + rs.getString(2);
        }
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    /** {@code ILIKE '%q%'} on designation or either title, any 10 matching rows. */
    SearchTarget ilike(long rows) throws SQLException {
        String sql = "select designation, title_zh, title_en from " + table(rows)
                + " where designation ilike ? or title_zh ilike ? or title_en ilike ? limit 10";
        return new Statement1(connect(), sql, "PostgreSQL ILIKE '%q%', trigram GIN", 3, true);
    }

    /** {@code %} (similarity ≥ pg_trgm.similarity_threshold, 0.3) on any column, best similarity first. */
    SearchTarget similarity(long rows) throws SQLException {
        String sql = "select designation, title_zh, title_en from " + table(rows)
                + " where designation % ? or title_zh % ? or title_en % ?"
                + " order by greatest(similarity(designation, ?), similarity(title_zh, ?), similarity(title_en, ?)) desc"
                + " limit 10";
        return new Statement1(connect(), sql, "PostgreSQL pg_trgm similarity (%), trigram GIN", 6, false);
    }

    private static final class Statement1 implements SearchTarget {
        private final Connection connection;
        private final PreparedStatement statement;
        private final String name;
        private final int parameters;
        private final boolean like;

        Statement1(Connection connection, String sql, String name, int parameters, boolean like) throws SQLException {
            this.connection = connection;
            this.statement = connection.prepareStatement(sql);
            this.name = name;
            this.parameters = parameters;
            this.like = like;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object execute(String query) throws SQLException {
            String value =
                    like ? "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" : query;
            for (int i = 1; i <= parameters; i++) {
                statement.setString(i, value);
            }
            List<Row> rows = new ArrayList<>(10);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<Row> rows(Object result) {
            return (List<Row>) result;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
            connection.close();
        }
    }
}
