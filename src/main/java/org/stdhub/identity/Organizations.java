package org.stdhub.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.UserFacingException;

/** Organizations and who holds which role in them. */
@Service
@Transactional
public class Organizations {

    private final OrganizationRepository organizations;
    private final MembershipRepository memberships;
    private final PersonRepository people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organizations(
            OrganizationRepository organizations,
            MembershipRepository memberships,
            PersonRepository people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** The base office creates an organization directly (approved). */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public Organization create(OrganizationKind kind, String nameZh, String nameEn, String creditCode, Long parentId) {
        return createUnchecked(kind, nameZh, nameEn, creditCode, parentId);
    }

    Organization createUnchecked(
            OrganizationKind kind, String nameZh, String nameEn, String creditCode, Long parentId) {
        String code = creditCode == null || creditCode.isBlank() ? null : UnifiedSocialCreditCode.normalize(creditCode);
        var errors = new InvalidInputException.Collector();
        errors.check(kind != null, "kind", "organization.error.kind");
        errors.check(
                nameZh != null && !nameZh.isBlank() && nameZh.strip().length() <= 200,
                "nameZh",
                "organization.error.name");
        errors.check(
                code == null || UnifiedSocialCreditCode.isValid(code), "creditCode", "organization.error.credit-code");
        if (!errors.has("creditCode")
                && code != null
                && organizations.findByCreditCode(code).isPresent()) {
            errors.add("creditCode", "organization.error.credit-code-taken");
        }
        Organization parent = null;
        if (parentId != null) {
            parent = organizations.findById(parentId).orElse(null);
            errors.check(parent != null, "parentId", "organization.error.parent");
        }
        errors.throwIfAny();
        Organization org = organizations.save(new Organization(
                kind,
                nameZh.strip(),
                nameEn == null || nameEn.isBlank() ? null : nameEn.strip(),
                code,
                parent,
                Organization.Status.APPROVED,
                clock.instant()));
        events.publishEvent(StateChanged.of("organization", org.getId(), "created")
                .withChange("name", null, org.getNameZh())
                .withChange("kind", null, kind)
                .withChange("status", null, org.getStatus()));
        return org;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public void approve(long organizationId, String comment) {
        Organization org = organization(organizationId);
        var before = org.getStatus();
        org.approve();
        events.publishEvent(StateChanged.of("organization", org.getId(), "approved")
                .withChange("status", before, org.getStatus())
                .withComment(comment));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public void reject(long organizationId, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException(java.util.Map.of("comment", "organization.error.reject-reason"));
        }
        Organization org = organization(organizationId);
        var before = org.getStatus();
        org.reject();
        events.publishEvent(StateChanged.of("organization", org.getId(), "rejected")
                .withChange("status", before, org.getStatus())
                .withComment(comment));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Organization> all() {
        return organizations.findAllByOrderByStatusAscNameZhAsc();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Organization find(long id) {
        return organization(id);
    }

    /**
     * Who holds roles in the organization. The base office and admins see every organization's members; others
     * only those of organizations they belong to (row-level scoping).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or @organizationAccess.isMember(principal, #organizationId)")
    @Transactional(readOnly = true)
    public List<Membership> members(long organizationId) {
        return memberships.findByOrganization(organizationId);
    }

    /**
     * Grants a role. Admins and the base office may grant any role; an alliance's secretary may add members
     * to their own alliance (ALLIANCE_MEMBER), and nobody else.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')"
            + " or (#role == T(org.stdhub.identity.Role).ALLIANCE_MEMBER"
            + " and principal.hasRoleIn(#organizationId, T(org.stdhub.identity.Role).ALLIANCE_SECRETARY))")
    public Membership grant(long personId, long organizationId, Role role, LocalDate validFrom, LocalDate validTo) {
        return grantUnchecked(personId, organizationId, role, validFrom, validTo);
    }

    Membership grantUnchecked(long personId, long organizationId, Role role, LocalDate validFrom, LocalDate validTo) {
        Person person =
                people.findById(personId).orElseThrow(() -> new NotFoundException("person.error.not-found", personId));
        Organization org = organization(organizationId);
        LocalDate from = validFrom == null ? LocalDate.now(clock) : validFrom;
        if (validTo != null && validTo.isBefore(from)) {
            throw new InvalidInputException(java.util.Map.of("validTo", "membership.error.dates"));
        }
        if (role == Role.ADMIN && org.getKind() != OrganizationKind.BASE_OFFICE) {
            throw new UserFacingException("membership.error.admin-base-office");
        }
        boolean duplicate = memberships.findByPerson(personId).stream()
                .anyMatch(m ->
                        m.getOrganization().getId().equals(organizationId) && m.getRole() == role && m.isValidOn(from));
        if (duplicate) {
            throw new UserFacingException("membership.error.duplicate", person.getLogin(), role.name());
        }
        Membership m = memberships.save(new Membership(person, org, role, from, validTo, clock.instant()));
        events.publishEvent(StateChanged.of("person", person.getLogin(), "role-granted")
                .withChange("role", null, role + " @ " + org.getNameZh() + " (" + org.getId() + ")")
                .withChange("validFrom", null, from)
                .withChange("validTo", null, validTo));
        events.publishEvent(new MembershipChanged(personId, organizationId, role, true));
        return m;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public void end(long membershipId, String comment) {
        Membership m = memberships
                .findById(membershipId)
                .orElseThrow(() -> new NotFoundException("membership.error.not-found", membershipId));
        LocalDate today = LocalDate.now(clock);
        var before = m.getValidTo();
        m.end(today);
        events.publishEvent(StateChanged.of("person", m.getPerson().getLogin(), "role-ended")
                .withChange("role", m.getRole() + " @ " + m.getOrganization().getNameZh(), null)
                .withChange("validTo", before, today)
                .withComment(comment));
        events.publishEvent(
                new MembershipChanged(m.getPerson().getId(), m.getOrganization().getId(), m.getRole(), false));
    }

    private Organization organization(long id) {
        return organizations.findById(id).orElseThrow(() -> new NotFoundException("organization.error.not-found", id));
    }
}
