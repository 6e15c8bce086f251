package org.stdhub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.stdhub.audit.ChainVerification.Problem;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.SystemActor;

/**
 * The audit chain's rules, run against each database StdHub supports (H2 and PostgreSQL subclasses):
 * every published change is recorded in its transaction, the chain verifies, and editing or deleting a
 * row in the database is detected at exactly that entry.
 */
abstract class AuditChainContract {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    VerifyAuditCommand command;

    @Test
    @WithMockUser(roles = "ADMIN")
    void tenThousandChangesVerify() {
        long before = lastSeq();
        for (int batch = 0; batch < 20; batch++) {
            int first = batch * 500;
            tx.executeWithoutResult(status -> {
                for (int i = first; i < first + 500; i++) {
                    events.publishEvent(StateChanged.of("bulk", "item-" + (i % 250), "updated")
                            .withChange("n", i == 0 ? null : i - 1, i)
                            .withChange("label", "a|b", i % 2 == 0 ? "" : null)
                            .withComment(i % 3 == 0 ? null : "batch " + first));
                }
            });
        }
        assertThat(lastSeq()).isEqualTo(before + 10_000);

        ChainVerification result = audit.verify();

        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(result.entries()).isEqualTo(before + 10_000);
        assertThat(command.run(List.of())).isZero();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void editingOneRowIsDetectedAtThatEntry() {
        long seq = aMiddleEntry();
        String original = jdbc.queryForObject("select comment from audit_event where seq = ?", String.class, seq);
        jdbc.update("update audit_event set comment = 'x' where seq = ?", seq);
        try {
            ChainVerification result = audit.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.brokenSeq()).isEqualTo(seq);
            assertThat(result.problem()).isEqualTo(Problem.HASH_MISMATCH);
            assertThat(command.run(List.of())).isEqualTo(1);
        } finally {
            jdbc.update("update audit_event set comment = ? where seq = ?", original, seq);
        }
        assertThat(audit.verify().ok()).isTrue();
        assertThat(command.run(List.of())).isZero();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aForgerWhoAlsoRecomputesTheHashIsCaughtAtTheNextEntry() {
        long seq = aMiddleEntry();
        AuditStore.Row row = row(seq);
        AuditStore.Row forged = new AuditStore.Row(
                row.seq(),
                row.occurredAt(),
                "someone-else",
                row.address(),
                row.objectType(),
                row.objectId(),
                row.action(),
                row.changes(),
                row.comment(),
                row.prevHash(),
                null);
        jdbc.update(
                "update audit_event set actor = ?, hash = ? where seq = ?",
                forged.actor(),
                forged.recomputedHash(),
                seq);
        try {
            ChainVerification result = audit.verify();
            assertThat(result.brokenSeq()).isEqualTo(seq + 1);
            assertThat(result.problem()).isEqualTo(Problem.PREV_HASH_MISMATCH);
        } finally {
            jdbc.update("update audit_event set actor = ?, hash = ? where seq = ?", row.actor(), row.hash(), seq);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void deletingOneRowLeavesAGapThatIsNamed() {
        long seq = aMiddleEntry();
        long id = jdbc.queryForObject("select id from audit_event where seq = ?", Long.class, seq);
        AuditStore.Row row = row(seq);
        jdbc.update("delete from audit_event where seq = ?", seq);
        try {
            ChainVerification result = audit.verify();
            assertThat(result.ok()).isFalse();
            assertThat(result.brokenSeq()).isEqualTo(seq);
            assertThat(result.problem()).isEqualTo(Problem.SEQ_GAP);
            assertThat(command.run(List.of())).isEqualTo(1);
        } finally {
            reinsert(id, row);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void deletingTheLastRowIsDetectedThroughTheHead() {
        aMiddleEntry();
        long seq = lastSeq();
        long id = jdbc.queryForObject("select id from audit_event where seq = ?", Long.class, seq);
        AuditStore.Row row = row(seq);
        jdbc.update("delete from audit_event where seq = ?", seq);
        try {
            ChainVerification result = audit.verify();
            assertThat(result.brokenSeq()).isEqualTo(seq);
            assertThat(result.problem()).isEqualTo(Problem.TRUNCATED);
        } finally {
            reinsert(id, row);
        }
        assertThat(audit.verify().ok()).isTrue();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void concurrentChangesStayOneGaplessChain() throws Exception {
        long before = lastSeq();
        int threads = 8;
        int transactions = 25;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < transactions; i++) {
                        int n = i;
                        tx.executeWithoutResult(status -> {
                            for (int e = 0; e < 4; e++) {
                                events.publishEvent(StateChanged.of("concurrent", thread + "-" + n, "updated"));
                            }
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        }
        assertThat(lastSeq()).isEqualTo(before + threads * transactions * 4);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where object_type = 'concurrent'", Long.class))
                .isEqualTo(threads * transactions * 4L);
        ChainVerification result = audit.verify();
        assertThat(result.ok()).as(result.detail()).isTrue();
    }

    @Test
    void aRolledBackChangeLeavesNoEntryAndNoGap() {
        long before = lastSeq();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    events.publishEvent(StateChanged.of("rollback-test", "r1", "created"));
                    throw new IllegalStateException("the change fails after publishing");
                }))
                .isInstanceOf(IllegalStateException.class);
        tx.executeWithoutResult(status -> {
            events.publishEvent(StateChanged.of("rollback-test", "r2", "created"));
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where object_type = 'rollback-test'", Long.class))
                .isZero();
        assertThat(lastSeq()).isEqualTo(before);

        tx.executeWithoutResult(status -> events.publishEvent(StateChanged.of("rollback-test", "r3", "created")));
        assertThat(jdbc.queryForObject("select seq from audit_event where object_type = 'rollback-test'", Long.class))
                .isEqualTo(before + 1);
    }

    @Test
    @WithMockUser(username = "zhangsan", roles = "BASE_OFFICER")
    void recordsWhoWhatWhyAndFromWhichAddress() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("203.0.113.7");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        try {
            tx.executeWithoutResult(status -> events.publishEvent(StateChanged.of("organization", 4711, "approved")
                    .withChange("status", "pending", "approved")
                    .withComment("材料齐全")));
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        // the base office reads an organization's history, without its personal data and hashes
        assertThat(audit.history("organization", "4711")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("zhangsan");
            assertThat(e.address()).isEqualTo(AuditEntry.HIDDEN);
            assertThat(e.changes()).containsEntry("status", new StateChanged.Change("pending", "approved"));
            assertThat(e.hash()).isNull();
        });
        // an administrator reads all of it
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "root", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        assertThat(audit.history("organization", "4711")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("zhangsan");
            assertThat(e.address()).isEqualTo("203.0.113.7");
            assertThat(e.action()).isEqualTo("approved");
            assertThat(e.changes()).containsEntry("status", new StateChanged.Change("pending", "approved"));
            assertThat(e.comment()).isEqualTo("材料齐全");
            assertThat(e.occurredAt()).isNotNull();
            assertThat(e.hash()).hasSize(64).isNotEqualTo(e.prevHash());
        });
    }

    @Test
    void withoutASignedInPersonTheActorIsSystemUnlessACommandNamesIt() {
        RequestContextHolder.resetRequestAttributes(); // the test framework binds a mock request; a command has none
        events.publishEvent(StateChanged.of("actor-test", "a1", "imported")); // no transaction: the recorder opens one
        SystemActor.run("operator:ops", () -> events.publishEvent(StateChanged.of("actor-test", "a2", "imported")));
        String named = SystemActor.run("importer", () -> {
            events.publishEvent(StateChanged.of("actor-test", "a3", "imported"));
            return "done";
        });

        assertThat(named).isEqualTo("done");
        assertThat(jdbc.queryForList(
                        "select actor from audit_event where object_type = 'actor-test' order by seq", String.class))
                .containsExactly(AuditLog.SYSTEM, "operator:ops", "importer");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where object_type = 'actor-test' and address is null",
                        Long.class))
                .isEqualTo(3);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void historyIsNewestFirstAndFilterableByAction() {
        tx.executeWithoutResult(status -> {
            events.publishEvent(StateChanged.of("project", "P-1", "created").withChange("stage", null, "00.00"));
            events.publishEvent(
                    StateChanged.of("project", "P-1", "status-changed").withChange("stage", "00.00", "10.99"));
            events.publishEvent(
                    StateChanged.of("project", "P-1", "status-changed").withChange("stage", "10.99", "20.00"));
            events.publishEvent(StateChanged.of("project", "P-2", "created"));
        });

        assertThat(audit.history("project", "P-1"))
                .extracting(e -> e.changes().get("stage").after())
                .containsExactly("20.00", "10.99", "00.00");
        assertThat(audit.history("project", "P-1", "created"))
                .singleElement()
                .satisfies(e -> assertThat(e.changes().get("stage").before()).isNull());
    }

    @Test
    @WithMockUser(roles = "BASE_OFFICER")
    void onlyAdministratorsVerifyOrReadTheWholeLog() {
        assertThatThrownBy(audit::verify).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.latest(AuditFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        // no module claims "project" (yet): its history is for administrators only
        assertThatThrownBy(() -> audit.history("project", "nothing-here")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void nobodySignedOutReadsAnyHistory() {
        assertThatThrownBy(() -> audit.history("project", "P-1"))
                .isInstanceOfAny(AuthenticationException.class, AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void theWholeLogIsPagedNewestFirstAndFiltered() {
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < 7; i++) {
                events.publishEvent(StateChanged.of("paging-test", "p" + i, i % 2 == 0 ? "created" : "deleted"));
            }
        });
        AuditPage page = audit.latest(new AuditFilter("paging-test", null, "user", "created"), 0, 3);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.pages()).isEqualTo(2);
        assertThat(page.items()).extracting(AuditEntry::objectId).containsExactly("p6", "p4", "p2");
        assertThat(audit.latest(new AuditFilter("paging-test", null, null, null), 2, 3)
                        .items())
                .extracting(AuditEntry::objectId)
                .containsExactly("p0");
    }

    /** Makes sure there are entries on both sides of the one returned. */
    private long aMiddleEntry() {
        if (lastSeq() < 100) {
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < 100; i++) {
                    events.publishEvent(StateChanged.of("filler", i, "created").withComment("filler " + i));
                }
            });
        }
        return lastSeq() / 2;
    }

    private long lastSeq() {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from audit_event", Long.class);
    }

    private AuditStore.Row row(long seq) {
        return jdbc.queryForObject("select * from audit_event where seq = ?", (rs, i) -> AuditStore.row(rs), seq);
    }

    private void reinsert(long id, AuditStore.Row row) {
        jdbc.update(
                "insert into audit_event (id, seq, occurred_at, actor, address, object_type, object_id, action, changes,"
                        + " comment, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                row.seq(),
                OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC),
                row.actor(),
                row.address(),
                row.objectType(),
                row.objectId(),
                row.action(),
                row.changes(),
                row.comment(),
                row.prevHash(),
                row.hash());
    }
}
