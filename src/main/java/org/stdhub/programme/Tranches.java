package org.stdhub.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Funding tranches: payable when their conditions are met; one officer proposes the release with the amount computed
 * by the contract's rule (recorded with its inputs), a second officer approves it (four-eyes: never the proposer)
 * and {@link FundingReleased} is published, or rejects it back to planned with a reason. No payment is made here: the
 * finance system takes the export.
 */
@Service
@Transactional
public class Tranches {

    static final String AUDIT_TYPE = "programme-tranche";

    private final JdbcClient jdbc;
    private final Contracts contracts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tranches(JdbcClient jdbc, Contracts contracts, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.events = events;
        this.clock = clock;
    }

    /** The tranches of the contracts the viewer may read. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<TrancheView> list() {
        return contracts.list().stream()
                .flatMap(c -> contracts.tranchesOf(contracts.row(c.id())).stream())
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public TrancheView get(long trancheId) {
        Contracts.Row c = contracts.contractOf("programme_tranche", trancheId);
        if (c == null || !ProgrammeViewer.current().maySee(c.organizationId())) {
            throw new NotFoundException("programme.error.no-tranche");
        }
        return one(c, trancheId);
    }

    /** Proposes the release of a payable tranche, recording the computed amount with its inputs. */
    @PreAuthorize(Contracts.OFFICE)
    public TrancheView propose(long trancheId) {
        Contracts.Row c = contract(trancheId);
        TrancheView t = one(c, trancheId);
        if (t.state() != TrancheState.PLANNED) {
            throw new ConflictException("programme.error.tranche-state", t.state());
        }
        if (!t.payable()) {
            throw new ConflictException("programme.error.tranche-not-payable");
        }
        ProgrammeViewer viewer = ProgrammeViewer.current();
        TrancheComputation computed = t.computation();
        int changed = jdbc.sql(
                        "update programme_tranche set state = ?, amount = ?, computation = ?, proposed_by_id = ?,"
                                + " proposed_by = ?, proposed_at = ?, approved_by_id = null, approved_by = null, approved_at = null,"
                                + " rejection_reason = null where id = ? and state = ?")
                .params(
                        TrancheState.PROPOSED.name(),
                        computed.amount(),
                        computed.describe(),
                        viewer.personId(),
                        viewer.actor(),
                        Timestamp.from(clock.instant()),
                        trancheId,
                        TrancheState.PLANNED.name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, trancheId, "proposed")
                .withChange("state", TrancheState.PLANNED, TrancheState.PROPOSED)
                .withChange("amount", null, computed.amount().toPlainString())
                .withChange("computation", null, computed.describe()));
        return one(c, trancheId);
    }

    /** A second officer approves a proposed release: never the one who proposed it. */
    @PreAuthorize(Contracts.OFFICE)
    public TrancheView approve(long trancheId) {
        Contracts.Row c = contract(trancheId);
        TrancheView t = one(c, trancheId);
        if (t.state() != TrancheState.PROPOSED) {
            throw new ConflictException("programme.error.tranche-state", t.state());
        }
        ProgrammeViewer viewer = ProgrammeViewer.current();
        Long proposer = jdbc.sql("select proposed_by_id from programme_tranche where id = ?")
                .param(trancheId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (viewer.personId() == null || Objects.equals(proposer, viewer.personId())) {
            throw new NotPermittedException("programme.error.four-eyes");
        }
        LocalDate today = LocalDate.now(clock);
        int changed = jdbc.sql(
                        "update programme_tranche set state = ?, approved_by_id = ?, approved_by = ?, approved_at = ?"
                                + " where id = ? and state = ?")
                .params(
                        TrancheState.APPROVED.name(),
                        viewer.personId(),
                        viewer.actor(),
                        Timestamp.from(clock.instant()),
                        trancheId,
                        TrancheState.PROPOSED.name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, trancheId, "approved")
                .withChange("state", TrancheState.PROPOSED, TrancheState.APPROVED)
                .withChange("amount", null, t.amount().toPlainString()));
        events.publishEvent(new FundingReleased(trancheId, c.id(), c.organizationId(), t.amount(), today));
        return one(c, trancheId);
    }

    /** Rejects a proposed release back to planned, with the reason. */
    @PreAuthorize(Contracts.OFFICE)
    public TrancheView reject(long trancheId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw new InvalidInputException(Map.of("reason", "programme.error.reason-required"));
        }
        Contracts.Row c = contract(trancheId);
        TrancheView t = one(c, trancheId);
        if (t.state() != TrancheState.PROPOSED) {
            throw new ConflictException("programme.error.tranche-state", t.state());
        }
        int changed = jdbc.sql("update programme_tranche set state = ?, amount = null, computation = null,"
                        + " rejection_reason = ? where id = ? and state = ?")
                .params(TrancheState.PLANNED.name(), why, trancheId, TrancheState.PROPOSED.name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, trancheId, "rejected")
                .withChange("state", TrancheState.PROPOSED, TrancheState.PLANNED)
                .withComment(why));
        return one(c, trancheId);
    }

    /** The approved releases for the finance system, oldest first. */
    @PreAuthorize(Contracts.OFFICE)
    @Transactional(readOnly = true)
    public List<TrancheView> approved() {
        return list().stream()
                .filter(t -> t.state() == TrancheState.APPROVED)
                .sorted(java.util.Comparator.comparing(TrancheView::approvedAt))
                .toList();
    }

    private Contracts.Row contract(long trancheId) {
        Contracts.Row c = contracts.contractOf("programme_tranche", trancheId);
        if (c == null) {
            throw new NotFoundException("programme.error.no-tranche");
        }
        return c;
    }

    private TrancheView one(Contracts.Row c, long trancheId) {
        return jdbc.sql("select * from programme_tranche where id = ?")
                .param(trancheId)
                .query((rs, n) -> contracts.trancheView(rs, c))
                .single();
    }
}
