package org.stdhub.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.platform.ConflictException;
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

    /** {@link #create} for other modules: the view, never the entity. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public OrganizationView createOrganization(
            OrganizationKind kind, String nameZh, String nameEn, String creditCode, Long parentId) {
        return OrganizationView.of(createUnchecked(kind, nameZh, nameEn, creditCode, parentId));
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
        errors.check(nameEn == null || nameEn.strip().length() <= 200, "nameEn", "organization.error.name-en");
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

    /**
     * The base office changes an organization's names or parent (null: unchanged; a blank English name removes
     * it). A parent cannot be the organization itself or one below it.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public Organization change(long organizationId, String nameZh, String nameEn, Long parentId) {
        Organization org = organization(organizationId);
        var errors = new InvalidInputException.Collector();
        errors.check(
                nameZh == null || (!nameZh.isBlank() && nameZh.strip().length() <= 200),
                "nameZh",
                "organization.error.name");
        errors.check(nameEn == null || nameEn.strip().length() <= 200, "nameEn", "organization.error.name-en");
        Organization parent = null;
        if (parentId != null) {
            parent = organizations.findById(parentId).orElse(null);
            errors.check(parent != null, "parentId", "organization.error.parent");
            for (Organization p = parent; p != null && !errors.has("parentId"); p = p.getParent()) {
                errors.check(!p.getId().equals(org.getId()), "parentId", "organization.error.parent-cycle");
            }
        }
        errors.throwIfAny();
        var change = StateChanged.of("organization", org.getId(), "updated");
        if (nameZh != null && !nameZh.strip().equals(org.getNameZh())) {
            change = change.withChange("name", org.getNameZh(), nameZh.strip());
        }
        String newNameEn = nameEn == null ? org.getNameEn() : nameEn.isBlank() ? null : nameEn.strip();
        if (!java.util.Objects.equals(newNameEn, org.getNameEn())) {
            change = change.withChange("nameEn", org.getNameEn(), newNameEn);
        }
        Organization oldParent = org.getParent();
        if (parent != null && (oldParent == null || !oldParent.getId().equals(parent.getId()))) {
            change = change.withChange("parent", oldParent == null ? null : oldParent.getId(), parent.getId());
        }
        if (change.changes().isEmpty()) {
            return org;
        }
        org.change(nameZh == null ? org.getNameZh() : nameZh.strip(), newNameEn, parent == null ? oldParent : parent);
        events.publishEvent(change);
        return org;
    }

    /** The organizations a person may list: all for the base office and admins, else those they hold a role in. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Organization> visible(StdHubUser me) {
        if (me.hasRole(Role.ADMIN) || me.hasRole(Role.BASE_OFFICER)) {
            return organizations.findAllByOrderByStatusAscNameZhAsc();
        }
        return memberships.findByPerson(me.personId()).stream()
                .filter(m -> me.hasRoleIn(m.getOrganization().getId(), m.getRole()))
                .map(Membership::getOrganization)
                .distinct()
                .toList();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Organization> all() {
        return organizations.findAllByOrderByStatusAscNameZhAsc();
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public OrganizationView find(long id) {
        return OrganizationView.of(organization(id));
    }

    /**
     * Who holds roles in the organization. The base office and admins see every organization's members; others
     * only those of organizations they belong to (row-level scoping).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or @organizationAccess.isMember(principal, #organizationId)")
    @Transactional(readOnly = true)
    public List<MembershipView> members(long organizationId) {
        LocalDate today = LocalDate.now(clock);
        return memberships.findByOrganization(organizationId).stream()
                .map(m -> MembershipView.of(m, today))
                .toList();
    }

    /** Who may grant: admins and the base office any role; an alliance's secretary ALLIANCE_MEMBER there. */
    static final String MAY_GRANT = "hasAnyRole('ADMIN', 'BASE_OFFICER')"
            + " or (#role == T(org.stdhub.identity.Role).ALLIANCE_MEMBER"
            + " and @organizationAccess.isSecretaryOf(principal, #organizationId))";

    /**
     * Grants a role. Admins and the base office may grant any role (the administrator role only an admin); an
     * alliance's secretary may add members to their own alliance (ALLIANCE_MEMBER), and nobody else. Nobody grants
     * themselves a role.
     */
    @PreAuthorize(MAY_GRANT)
    public Membership grant(long personId, long organizationId, Role role, LocalDate validFrom, LocalDate validTo) {
        MembershipRules.checkGrant(MembershipRules.Actor.current(), personId, role);
        return grantUnchecked(personId, organizationId, role, validFrom, validTo);
    }

    /** {@link #grant} for other modules: the view, never the entity. */
    @PreAuthorize(MAY_GRANT)
    public MembershipView grantRole(
            long personId, long organizationId, Role role, LocalDate validFrom, LocalDate validTo) {
        MembershipRules.checkGrant(MembershipRules.Actor.current(), personId, role);
        return MembershipView.of(
                grantUnchecked(personId, organizationId, role, validFrom, validTo), LocalDate.now(clock));
    }

    /** Like {@link #grant}, naming the person by login name or e-mail address (as a secretary knows them). */
    @PreAuthorize(MAY_GRANT)
    public Membership grantByLoginOrEmail(
            String loginOrEmail, long organizationId, Role role, LocalDate validFrom, LocalDate validTo) {
        String key = loginOrEmail == null ? "" : loginOrEmail.strip();
        Person person = (key.contains("@") ? people.findByEmailIgnoreCase(key) : people.findByLoginIgnoreCase(key))
                .orElseThrow(() -> new InvalidInputException(java.util.Map.of("person", "membership.error.person")));
        return grant(person.getId(), organizationId, role, validFrom, validTo);
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
            throw new ConflictException("membership.error.duplicate", person.getLogin(), role.name());
        }
        Membership m = memberships.save(new Membership(person, org, role, from, validTo, clock.instant()));
        events.publishEvent(StateChanged.of("person", person.getLogin(), "role-granted")
                .withChange("role", null, role + " @ " + org.getNameZh() + " (" + org.getId() + ")")
                .withChange("validFrom", null, from)
                .withChange("validTo", null, validTo));
        events.publishEvent(new MembershipChanged(personId, organizationId, role, true));
        return m;
    }

    /**
     * Ends a membership at once. Admins and the base office may end any (an administrator's only an admin); an
     * alliance's secretary the alliance's member roles. Nobody ends their own roles, and the last active
     * administrator keeps the role.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or @organizationAccess.mayEnd(principal, #membershipId)")
    public Membership end(long membershipId, String comment) {
        Membership m = membership(membershipId);
        LocalDate today = LocalDate.now(clock);
        long personId = m.getPerson().getId();
        boolean holderIsAdmin = memberships.findByPerson(personId).stream()
                .anyMatch(x -> x.getRole() == Role.ADMIN && x.isValidOn(today));
        long otherAdmins = memberships.countOtherHolders(
                Role.ADMIN, today, personId, Person.Status.ACTIVE, Organization.Status.APPROVED);
        MembershipRules.checkEnd(MembershipRules.Actor.current(), personId, m.getRole(), holderIsAdmin, otherAdmins);
        var before = m.getValidTo();
        m.end(clock.instant(), today);
        events.publishEvent(StateChanged.of("person", m.getPerson().getLogin(), "role-ended")
                .withChange("role", m.getRole() + " @ " + m.getOrganization().getNameZh(), null)
                .withChange("validTo", before, m.getValidTo())
                .withComment(comment));
        events.publishEvent(
                new MembershipChanged(m.getPerson().getId(), m.getOrganization().getId(), m.getRole(), false));
        return m;
    }

    /** One membership: for admins, the base office, its holder and the members of its organization. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER') or @organizationAccess.maySee(principal, #membershipId)")
    @Transactional(readOnly = true)
    public Membership findMembership(long membershipId) {
        return membership(membershipId);
    }

    private Membership membership(long id) {
        return memberships
                .findWithPersonById(id)
                .orElseThrow(() -> new NotFoundException("membership.error.not-found", id));
    }

    private Organization organization(long id) {
        return organizations.findById(id).orElseThrow(() -> new NotFoundException("organization.error.not-found", id));
    }
}
