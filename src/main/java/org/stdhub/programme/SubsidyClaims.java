package org.stdhub.programme;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardKind;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.programme.SubsidyClaimView.Check;
import org.stdhub.programme.SubsidyClaimView.Outcome;

/**
 * Subsidy claims: a unit claims for leading a standard (international, national, industry, local, group) or hosting a
 * TC secretariat. On submission the claim is checked against the catalog (the standard exists, is published, is of
 * the claimed level; its drafting organizations where the catalog knows them) and against earlier claims (the same
 * subject and role claimed again, and not rejected, is refused); the base office reviews every check's result and
 * approves with the amount of the policy in force on the claim's date, or rejects. The catalog does not record a
 * standard's drafting organizations, so that check stays "not checkable" and the reviewer records the document they
 * checked instead (e.g. the standard's foreword listing the drafting organizations) and whether it names the unit: a
 * standard claim is approved only with that evidence confirming the unit.
 */
@Service
@Transactional
public class SubsidyClaims {

    static final String AUDIT_TYPE = "programme-subsidy-claim";

    /**
     * The reviewer's drafting-organization evidence: the document checked (what and where, at most 1000 characters)
     * and whether it names the claiming unit among the drafting organizations.
     */
    public record DraftingEvidence(String document, Boolean unitNamed) {}

    /** What a unit submits: the role, the standard's designation (or the TC's code) and the claiming unit. */
    public record NewClaim(Long organizationId, SubsidyRole role, String subject) {}

    /** A policy row: the amount for a role from a date (until the next row's date). */
    public record Policy(
            long id, SubsidyRole role, BigDecimal amount, LocalDate effectiveFrom, LocalDate effectiveTo) {}

    private final JdbcClient jdbc;
    private final StandardLookup catalog;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubsidyClaims(
            JdbcClient jdbc,
            StandardLookup catalog,
            Organizations organizations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public SubsidyClaimView submit(NewClaim f) {
        ProgrammeViewer viewer = ProgrammeViewer.current();
        var errors = new InvalidInputException.Collector();
        errors.check(f.organizationId() != null, "organizationId", "programme.error.unit-required");
        errors.check(f.role() != null, "role", "programme.error.role-required");
        String subject = Text.required(f.subject(), 200, "subject", errors);
        Designation designation = null;
        if (f.role() != null && f.role().isStandard() && !subject.isEmpty()) {
            designation = Designation.tryParse(subject).orElse(null);
            errors.check(designation != null, "subject", "programme.error.designation");
        }
        errors.throwIfAny();
        if (!viewer.office() && !viewer.memberOf(f.organizationId())) {
            throw new NotPermittedException("programme.error.not-unit-member");
        }
        OrganizationView unit;
        try {
            unit = organizations.find(f.organizationId());
        } catch (NotFoundException e) {
            throw new InvalidInputException(Map.of("organizationId", "programme.error.unit-required"));
        }
        String key = designation != null
                ? designation.compactKey()
                : subject.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
        int earlier = jdbc.sql(
                        "select count(*) from programme_subsidy_claim where subject_key = ? and claim_role = ? and state <> ?")
                .params(key, f.role().name(), ClaimState.REJECTED.name())
                .query(Integer.class)
                .single();
        if (earlier > 0) {
            throw new ConflictException("programme.error.double-claim", subject);
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("no-double-claim", Outcome.PASSED, null));
        if (designation != null) {
            checks.addAll(catalogChecks(designation, f.role()));
        } else {
            checks.add(new Check("tc-registry", Outcome.UNKNOWN, subject));
        }
        LocalDate today = LocalDate.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql(
                        "insert into programme_subsidy_claim (organization_id, organization_name, claim_role, subject, subject_key,"
                                + " state, checks, claimed_by, claimed_on) values (?,?,?,?,?,?,?,?,?)")
                .params(
                        unit.id(),
                        unit.nameZh(),
                        f.role().name(),
                        designation != null ? designation.normalized() : subject,
                        key,
                        ClaimState.SUBMITTED.name(),
                        encode(checks),
                        viewer.actor(),
                        today)
                .update(keys, "id");
        long id = Objects.requireNonNull(keys.getKey()).longValue();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "submitted")
                .withChange("role", null, f.role())
                .withChange("subject", null, subject)
                .withChange("unit", null, unit.id()));
        return get(id);
    }

    private List<Check> catalogChecks(Designation d, SubsidyRole role) {
        List<Check> checks = new ArrayList<>();
        StandardLookup.Facts found =
                catalog.byDesignationKeys(List.of(d.compactKey())).get(d.compactKey());
        if (found == null && d.year() == null) {
            found = catalog.byWorkKeys(List.of(d.compactWorkKey())).getOrDefault(d.compactWorkKey(), List.of()).stream()
                    .max(java.util.Comparator.comparing(x -> x.year() == null ? "" : x.year()))
                    .orElse(null);
        }
        if (found == null) {
            checks.add(new Check("exists", Outcome.FAILED, d.normalized()));
            checks.add(new Check("published", Outcome.UNKNOWN, null));
        } else {
            checks.add(new Check("exists", Outcome.PASSED, found.designation()));
            boolean upcoming = "upcoming".equalsIgnoreCase(found.status());
            boolean published = !upcoming && (found.status() != null || found.published() != null);
            checks.add(new Check(
                    "published",
                    published ? Outcome.PASSED : upcoming ? Outcome.FAILED : Outcome.UNKNOWN,
                    found.status() + (found.published() == null ? "" : " " + found.published())));
        }
        StandardKind kind = d.kind();
        Outcome level = kind == null ? Outcome.UNKNOWN : levelOf(kind) == role ? Outcome.PASSED : Outcome.FAILED;
        checks.add(new Check("level", level, kind == null ? null : kind.code()));
        // the catalog records no drafting organizations: the reviewer records the document they checked instead
        checks.add(new Check("drafting-organization", Outcome.UNKNOWN, "not-in-catalog"));
        return checks;
    }

    static SubsidyRole levelOf(StandardKind kind) {
        return switch (kind) {
            case INTERNATIONAL -> SubsidyRole.LEAD_INTERNATIONAL;
            case NATIONAL_MANDATORY, NATIONAL_RECOMMENDED, NATIONAL_GUIDANCE, NATIONAL_OTHER ->
                SubsidyRole.LEAD_NATIONAL;
            case INDUSTRY -> SubsidyRole.LEAD_INDUSTRY;
            case LOCAL -> SubsidyRole.LEAD_LOCAL;
            case GROUP -> SubsidyRole.LEAD_GROUP;
            case ENTERPRISE -> null;
        };
    }

    /** Approves a claim with no failed check, with the amount of the policy in force on the claim's date. */
    @PreAuthorize(Contracts.OFFICE)
    public SubsidyClaimView approve(long id, String comment) {
        SubsidyClaimView claim = get(id);
        if (claim.state() != ClaimState.SUBMITTED) {
            throw new ConflictException("programme.error.claim-state", claim.state());
        }
        if (claim.anyFailed()) {
            throw new ConflictException("programme.error.claim-failed-checks");
        }
        if (claim.role().isStandard() && !Boolean.TRUE.equals(claim.draftingConfirmed())) {
            throw new ConflictException(
                    claim.draftingConfirmed() == null
                            ? "programme.error.claim-drafting-evidence-missing"
                            : "programme.error.claim-drafting-not-confirmed");
        }
        Policy policy = policyFor(claim.role(), claim.claimedOn())
                .orElseThrow(() -> new ConflictException("programme.error.no-policy", claim.claimedOn()));
        return review(claim, ClaimState.APPROVED, policy, comment);
    }

    /**
     * The reviewer records the drafting-organization evidence of a submitted standard claim (again to correct it, until
     * the claim is decided); audited.
     */
    @PreAuthorize(Contracts.OFFICE)
    public SubsidyClaimView recordDraftingEvidence(long id, DraftingEvidence f) {
        SubsidyClaimView claim = get(id);
        if (claim.state() != ClaimState.SUBMITTED) {
            throw new ConflictException("programme.error.claim-state", claim.state());
        }
        if (!claim.role().isStandard()) {
            throw new ConflictException("programme.error.claim-not-standard");
        }
        var errors = new InvalidInputException.Collector();
        String document = Text.required(f == null ? null : f.document(), 1000, "document", errors);
        errors.check(f != null && f.unitNamed() != null, "unitNamed", "programme.error.required");
        errors.throwIfAny();
        ProgrammeViewer viewer = ProgrammeViewer.current();
        int changed = jdbc.sql("update programme_subsidy_claim set drafting_evidence = ?, drafting_confirmed = ?,"
                        + " drafting_checked_by = ?, drafting_checked_at = ? where id = ? and state = ?")
                .params(
                        document,
                        f.unitNamed(),
                        viewer.actor(),
                        Timestamp.from(clock.instant()),
                        id,
                        ClaimState.SUBMITTED.name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "drafting-evidence-recorded")
                .withChange("evidence", claim.draftingEvidence(), document)
                .withChange("unitNamed", claim.draftingConfirmed(), f.unitNamed()));
        return get(id);
    }

    @PreAuthorize(Contracts.OFFICE)
    public SubsidyClaimView reject(long id, String reason) {
        SubsidyClaimView claim = get(id);
        if (claim.state() != ClaimState.SUBMITTED) {
            throw new ConflictException("programme.error.claim-state", claim.state());
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new InvalidInputException(Map.of("reason", "programme.error.reason-required"));
        }
        return review(claim, ClaimState.REJECTED, null, reason);
    }

    private SubsidyClaimView review(SubsidyClaimView claim, ClaimState to, Policy policy, String comment) {
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        if (why != null && why.length() > 1000) {
            throw new InvalidInputException(Map.of("reason", "programme.error.too-long"));
        }
        int changed = jdbc.sql(
                        "update programme_subsidy_claim set state = ?, policy_id = ?, amount = ?, reviewed_by = ?,"
                                + " reviewed_at = ?, review_comment = ? where id = ? and state = ?")
                .params(
                        to.name(),
                        policy == null ? null : policy.id(),
                        policy == null ? null : policy.amount(),
                        ProgrammeViewer.current().actor(),
                        Timestamp.from(clock.instant()),
                        why,
                        claim.id(),
                        ClaimState.SUBMITTED.name())
                .update();
        if (changed != 1) {
            throw new ConflictException("programme.error.changed-meanwhile");
        }
        var audit = StateChanged.of(AUDIT_TYPE, claim.id(), to == ClaimState.APPROVED ? "approved" : "rejected")
                .withChange("state", claim.state(), to);
        if (policy != null) {
            audit = audit.withChange("amount", null, policy.amount().toPlainString());
        }
        events.publishEvent(audit.withComment(why));
        return get(claim.id());
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public SubsidyClaimView get(long id) {
        SubsidyClaimView claim = jdbc.sql("select * from programme_subsidy_claim where id = ?")
                .param(id)
                .query(this::row)
                .optional()
                .orElse(null);
        if (claim == null || !ProgrammeViewer.current().maySee(claim.organizationId())) {
            throw new NotFoundException("programme.error.no-claim");
        }
        return claim;
    }

    /** The claims the viewer may read: all for the base office, their units' otherwise. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<SubsidyClaimView> list() {
        ProgrammeViewer viewer = ProgrammeViewer.current();
        return jdbc.sql("select * from programme_subsidy_claim order by id desc").query(this::row).list().stream()
                .filter(c -> viewer.maySee(c.organizationId()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<Policy> policies() {
        return jdbc.sql("select * from programme_subsidy_policy order by claim_role, effective_from")
                .query((rs, n) -> new Policy(
                        rs.getLong("id"),
                        SubsidyRole.valueOf(rs.getString("claim_role")),
                        rs.getBigDecimal("amount"),
                        rs.getObject("effective_from", LocalDate.class),
                        rs.getObject("effective_to", LocalDate.class)))
                .list();
    }

    /** The policy in force for {@code role} on {@code day}: the latest that began by then and had not ended. */
    java.util.Optional<Policy> policyFor(SubsidyRole role, LocalDate day) {
        return policies().stream()
                .filter(p -> p.role() == role && !p.effectiveFrom().isAfter(day))
                .filter(p -> p.effectiveTo() == null || !p.effectiveTo().isBefore(day))
                .max(java.util.Comparator.comparing(Policy::effectiveFrom));
    }

    private SubsidyClaimView row(ResultSet rs, int n) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        Timestamp draftingAt = rs.getTimestamp("drafting_checked_at");
        SubsidyRole role = SubsidyRole.valueOf(rs.getString("claim_role"));
        LocalDate claimedOn = rs.getObject("claimed_on", LocalDate.class);
        return new SubsidyClaimView(
                rs.getLong("id"),
                rs.getLong("organization_id"),
                rs.getString("organization_name"),
                role,
                rs.getString("subject"),
                ClaimState.valueOf(rs.getString("state")),
                decode(rs.getString("checks")),
                rs.getString("claimed_by"),
                claimedOn,
                policyFor(role, claimedOn).map(Policy::amount).orElse(null),
                rs.getBigDecimal("amount"),
                rs.getString("reviewed_by"),
                reviewed == null ? null : reviewed.toInstant(),
                rs.getString("review_comment"),
                rs.getString("drafting_evidence"),
                rs.getObject("drafting_confirmed", Boolean.class),
                rs.getString("drafting_checked_by"),
                draftingAt == null ? null : draftingAt.toInstant());
    }

    /** Checks as stored: one per line, {@code code|outcome|detail}. */
    static String encode(List<Check> checks) {
        StringBuilder s = new StringBuilder();
        for (Check c : checks) {
            String detail = c.detail() == null ? "" : c.detail().replaceAll("[|\\r\\n]", " ");
            s.append(c.code())
                    .append('|')
                    .append(c.outcome())
                    .append('|')
                    .append(detail)
                    .append('\n');
        }
        return s.toString();
    }

    static List<Check> decode(String stored) {
        List<Check> checks = new ArrayList<>();
        for (String line : stored.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.split("\\|", 3);
            checks.add(new Check(p[0], Outcome.valueOf(p[1]), p.length < 3 || p[2].isEmpty() ? null : p[2]));
        }
        return List.copyOf(checks);
    }
}
