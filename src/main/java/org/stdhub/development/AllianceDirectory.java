package org.stdhub.development;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.MembershipView;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.ControlCharacters;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.platform.SystemActor;

/**
 * Who is in an alliance, for its public page: the member organizations with their representatives (people holding an
 * alliance role today, grouped by the other organizations they belong to), the secretariat, and the working groups
 * with convenor and members. Only names are shown. The secretariat sets up working groups and adds members, who must
 * be people of the alliance.
 */
@Service
@Transactional
public class AllianceDirectory {

    /** A member organization and its representatives' names. */
    public record MemberOrganization(String name, List<String> representatives) {}

    /** A working group as the alliance page shows it. */
    public record WorkingGroupView(long id, String name, String convenor, List<String> members) {}

    /** The alliance's people: member organizations, secretariat, working groups. */
    public record Directory(
            List<MemberOrganization> members, List<String> secretariat, List<WorkingGroupView> workingGroups) {}

    private final WorkingGroupRepository groups;
    private final Alliances alliances;
    private final Organizations organizations;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AllianceDirectory(
            WorkingGroupRepository groups,
            Alliances alliances,
            Organizations organizations,
            Accounts accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.groups = groups;
        this.alliances = alliances;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Directory of(long allianceId) {
        Alliance a = alliances.alliance(allianceId);
        // the public page reads memberships as the system: only names leave this method
        List<MembershipView> people = SystemActor.run(
                "alliance-directory",
                () -> organizations.members(a.getOrganizationId()).stream()
                        .filter(MembershipView::current)
                        .toList());
        Map<Long, String> names = new LinkedHashMap<>();
        people.forEach(m -> names.put(m.personId(), m.personName()));
        Map<String, List<String>> byOrganization = new TreeMap<>();
        List<String> secretariat = new ArrayList<>();
        for (MembershipView m : people) {
            if (m.role() == Role.ALLIANCE_SECRETARY) {
                secretariat.add(m.personName());
            } else if (m.role() == Role.ALLIANCE_MEMBER) {
                List<String> orgs = SystemActor.run(
                        "alliance-directory", () -> organizationsOf(m.personId(), a.getOrganizationId()));
                for (String org : orgs.isEmpty() ? List.of("—") : orgs) {
                    byOrganization.computeIfAbsent(org, k -> new ArrayList<>()).add(m.personName());
                }
            }
        }
        List<MemberOrganization> members = byOrganization.entrySet().stream()
                .map(e -> new MemberOrganization(
                        e.getKey(), e.getValue().stream().distinct().toList()))
                .toList();
        List<WorkingGroupView> wgs = groups.findByAllianceIdOrderByIdAsc(allianceId).stream()
                .map(g -> new WorkingGroupView(
                        g.getId(),
                        g.getNameZh(),
                        names.getOrDefault(g.getConvenorId(), "#" + g.getConvenorId()),
                        g.getMembers().stream()
                                .map(id -> names.getOrDefault(id, "#" + id))
                                .sorted(Comparator.naturalOrder())
                                .toList()))
                .toList();
        return new Directory(members, secretariat.stream().distinct().toList(), wgs);
    }

    private List<String> organizationsOf(long personId, long allianceOrganizationId) {
        return accounts.membershipsOf(personId).stream()
                .filter(m -> m.current() && m.organizationId() != allianceOrganizationId)
                .map(MembershipView::organization)
                .distinct()
                .collect(Collectors.toList());
    }

    /** The secretariat sets up a working group with its convenor, a person of the alliance. */
    @PreAuthorize("isAuthenticated()")
    public WorkingGroupView createWorkingGroup(long allianceId, String name, long convenorId) {
        Alliance a = secretariatOf(allianceId);
        var errors = new InvalidInputException.Collector();
        errors.check(
                name != null && !name.isBlank() && name.strip().length() <= 200 && !ControlCharacters.present(name),
                "name",
                "development.error.working-group-name");
        errors.check(inAlliance(a, convenorId), "convenorId", "development.error.not-in-alliance");
        errors.throwIfAny();
        if (groups.existsByAllianceIdAndNameZh(allianceId, name.strip())) {
            throw new ConflictException("development.error.working-group-exists", name.strip());
        }
        WorkingGroup g = groups.save(new WorkingGroup(allianceId, name.strip(), convenorId, clock.instant()));
        events.publishEvent(StateChanged.of("alliance", allianceId, "working-group-created")
                .withChange("workingGroup", null, g.getNameZh())
                .withChange("convenor", null, convenorId));
        return find(allianceId, g.getId());
    }

    /** The secretariat adds a person of the alliance to a working group. */
    @PreAuthorize("isAuthenticated()")
    public WorkingGroupView addMember(long allianceId, long workingGroupId, long personId) {
        Alliance a = secretariatOf(allianceId);
        WorkingGroup g = groups.findById(workingGroupId)
                .filter(x -> x.getAllianceId() == allianceId)
                .orElseThrow(() -> new NotFoundException("development.error.working-group-not-found", workingGroupId));
        if (!inAlliance(a, personId)) {
            throw new InvalidInputException(Map.of("personId", "development.error.not-in-alliance"));
        }
        if (g.addMember(personId)) {
            events.publishEvent(StateChanged.of("alliance", allianceId, "working-group-member-added")
                    .withChange("workingGroup", null, g.getNameZh())
                    .withChange("member", null, personId));
        }
        return find(allianceId, workingGroupId);
    }

    private WorkingGroupView find(long allianceId, long id) {
        groups.flush();
        return of(allianceId).workingGroups().stream()
                .filter(w -> w.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private Alliance secretariatOf(long allianceId) {
        Alliance a = alliances.alliance(allianceId);
        Participant me = Participant.current();
        if (!me.isPerson() || !me.partiesIn(a.getOrganizationId()).contains(Party.SECRETARY)) {
            throw new NotPermittedException("development.error.not-secretary-of", a.getNameZh());
        }
        return a;
    }

    private boolean inAlliance(Alliance a, long personId) {
        Set<Role> roles = Set.of(Role.ALLIANCE_MEMBER, Role.ALLIANCE_SECRETARY);
        return SystemActor.run(
                "alliance-directory",
                () -> organizations.members(a.getOrganizationId()).stream()
                        .anyMatch(m -> m.personId() == personId && m.current() && roles.contains(m.role())));
    }
}
