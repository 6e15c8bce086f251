package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit chain on embedded H2 (PostgreSQL mode). */
@AuditH2Test
class AuditChainTests extends AuditChainContract {

    @Test
    void runsOnH2() {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        assertThat(product).isEqualTo("H2");
    }
}
