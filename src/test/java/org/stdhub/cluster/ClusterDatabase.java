package org.stdhub.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A fresh schema in the PostgreSQL of this machine (database {@code test}) for the instances of one integration test:
 * made before they start (so that concurrent starts only race for Flyway's own lock), dropped by {@link #close()}.
 * Fails — never skips — when PostgreSQL is not reachable.
 */
public final class ClusterDatabase implements AutoCloseable {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private final String schema;

    private ClusterDatabase(String schema) {
        this.schema = schema;
    }

    /** A new, empty schema named {@code prefix_<pid>_<time>}. */
    public static ClusterDatabase fresh(String prefix) {
        String schema = prefix + "_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis() % 1_000_000;
        ClusterDatabase database = new ClusterDatabase(schema);
        database.execute("create schema " + schema);
        return database;
    }

    public String schema() {
        return schema;
    }

    /** The JDBC URL of the schema. */
    public String url() {
        return SERVER + "?currentSchema=" + schema;
    }

    /** The instances' arguments pointing them at the schema. */
    public List<String> args() {
        return List.of(
                "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD,
                "--spring.flyway.schemas=" + schema);
    }

    /** A connection to the schema, for the test's own evidence. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    @Override
    public void close() {
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " refused: " + sql, e);
        }
    }
}
