package org.stdhub.talent;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Recipients;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;
import org.stdhub.talent.draw.AvoidanceRules;
import org.stdhub.talent.draw.DrawContext;
import org.stdhub.talent.draw.DrawExclusion;
import org.stdhub.talent.draw.DrawGenerator;
import org.stdhub.talent.draw.DrawInputs;
import org.stdhub.talent.draw.DrawParty;
import org.stdhub.talent.draw.DrawPosition;
import org.stdhub.talent.draw.ExpertDraw;
import org.stdhub.talent.draw.ExpertDrawRepository;
import org.stdhub.talent.expert.Expert;
import org.stdhub.talent.expert.ExpertRepository;

/**
 * Expert draws (随机抽取): the base office requests a draw; its responsible officer freezes the inputs and commits to
 * a secret seed (the inputs hash and the seed commitment are published), then draws (HMAC_DRBG + Fisher–Yates over
 * the eligible ids, see {@link DrawGenerator}), replaces members who decline, are disqualified or declare a conflict
 * by the next reserve, and records the purpose's decision, which publishes the result and the seed. Until then the
 * result is sealed: only the responsible officer sees it, and nobody can change it. Every step is audited.
 */
@Service
@Transactional
public class Draws {

    static final String AUDIT_TYPE = "draw";
    private static final int MAX_MEMBERS = 99;
    private static final int MAX_RESERVES = 50;

    private final ExpertDrawRepository draws;
    private final ExpertRepository experts;
    private final DrawPublication publication;
    private final Organizations organizations;
    private final Recipients people;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TalentProperties properties;
    private final SecureRandom random = new SecureRandom();

    Draws(
            ExpertDrawRepository draws,
            ExpertRepository experts,
            DrawPublication publication,
            Organizations organizations,
            Recipients people,
            ApplicationEventPublisher events,
            Clock clock,
            TalentProperties properties) {
        this.draws = draws;
        this.experts = experts;
        this.publication = publication;
        this.organizations = organizations;
        this.people = people;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
    }

    /** The smallest panel of each purpose (odd; {@code stdhub.talent.min-members[-by-purpose]}), for the form. */
    public Map<DrawPurpose, Integer> minimumMembers() {
        Map<DrawPurpose, Integer> minimums = new java.util.EnumMap<>(DrawPurpose.class);
        for (DrawPurpose p : DrawPurpose.values()) {
            minimums.put(p, properties.minMembers(p));
        }
        return minimums;
    }

    /** The base office requests a draw; the person who asks is its responsible officer. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public DrawView request(DrawForms.NewDraw n) {
        return request(n, Viewer.current());
    }

    /** For the system's own work (demo data): the request made for a given officer. */
    DrawView request(DrawForms.NewDraw n, Viewer viewer) {
        if (viewer.personId() == null) {
            throw new NotPermittedException("talent.error.person-only");
        }
        var errors = new InvalidInputException.Collector();
        errors.check(n.purpose() != null, "purpose", "talent.error.purpose-required");
        String subject = n.subject() == null ? "" : n.subject().strip();
        errors.check(!subject.isEmpty() && subject.length() <= 300, "subject", "talent.error.subject");
        String codes = fieldCodes(n.fieldCodes(), errors);
        errors.check(!codes.isEmpty(), "fieldCodes", "talent.error.fields-required");
        int members = n.members() == null ? 0 : n.members();
        errors.check(
                members >= properties.minMembers(n.purpose()) && members % 2 == 1 && members <= MAX_MEMBERS,
                "members",
                "talent.error.members");
        int reserves = n.reserves() == null ? 0 : n.reserves();
        errors.check(reserves >= 0 && reserves <= MAX_RESERVES, "reserves", "talent.error.reserves");
        List<DrawForms.ExcludedExpert> excluded = n.excludedExperts() == null ? List.of() : n.excludedExperts();
        for (DrawForms.ExcludedExpert x : excluded) {
            errors.check(
                    x != null
                            && x.expertId() != null
                            && x.reason() != null
                            && !x.reason().isBlank()
                            && x.reason().length() <= 500,
                    "excludedExperts",
                    "talent.error.excluded-expert");
        }
        errors.throwIfAny();
        Set<Long> orgs = ids(n.partyOrganizations());
        Set<Long> persons = ids(n.partyPeople());
        Set<Long> drafters = ids(n.drafters());
        orgs.forEach(organizations::find); // 404 for an unknown organization
        if (n.supervisingOrganizationId() != null) {
            organizations.find(n.supervisingOrganizationId());
        }
        for (Long p : union(persons, drafters)) {
            if (people.ofPerson(p).isEmpty()) {
                throw new InvalidInputException(Map.of("partyPeople", "talent.error.no-person"));
            }
        }
        for (DrawForms.ExcludedExpert x : excluded) {
            if (!experts.existsById(x.expertId())) {
                throw new InvalidInputException(Map.of("excludedExperts", "talent.error.no-expert"));
            }
        }
        ExpertDraw d = new ExpertDraw(
                n.purpose(),
                subject,
                codes,
                members,
                reserves,
                n.supervisingOrganizationId(),
                viewer.personId(),
                clock.instant());
        orgs.forEach(o -> d.addParty(DrawParty.Kind.ORGANIZATION, o, null, null, null));
        persons.forEach(p -> d.addParty(DrawParty.Kind.PERSON, null, p, null, null));
        drafters.forEach(p -> d.addParty(DrawParty.Kind.DRAFTER, null, p, null, null));
        excluded.forEach(x -> d.addParty(
                DrawParty.Kind.EXCLUDED_EXPERT,
                null,
                null,
                x.expertId(),
                x.reason().strip()));
        draws.saveAndFlush(d);
        events.publishEvent(StateChanged.of(AUDIT_TYPE, d.getId(), "requested")
                .withChange("purpose", null, d.getPurpose())
                .withChange("subject", null, subject)
                .withChange("fields", null, codes)
                .withChange("members", null, members)
                .withChange("reserves", null, reserves)
                .withChange("parties", null, orgs + " " + persons)
                .withChange("drafters", null, drafters)
                .withChange("excludedOnRequest", null, excluded.size()));
        return publication.view(d, viewer);
    }

    /**
     * Freezes the pool (active, qualified experts of the fields who are available that day: none of their periods of
     * unavailability covers it) and its exclusions, picks the secret seed and publishes the inputs hash and the seed
     * commitment. Only the responsible officer.
     */
    @PreAuthorize("isAuthenticated()")
    public DrawView commit(long id) {
        return commit(id, Viewer.current());
    }

    DrawView commit(long id, Viewer viewer) {
        ExpertDraw d = responsibleFor(id, viewer);
        requireState(d, DrawState.REQUESTED);
        LocalDate today = LocalDate.now(clock);
        Qualification qualification = new Qualification(properties.minYearsInField());
        List<Expert> pool = experts.findByStatusOrderById(ExpertStatus.ACTIVE).stream()
                .filter(e -> e.availableOn(today))
                .filter(e -> qualification.met(e.getTitle(), e.isEquivalentLevel(), e.getYearsInField()))
                .filter(e -> d.fieldCodeList().stream().anyMatch(e::servesField))
                .toList();
        DrawContext context = context(d, today);
        List<DrawExclusion.Frozen> exclusions = AvoidanceRules.exclusions(pool, context);
        DrawInputs inputs = new DrawInputs(
                DrawGenerator.ALGORITHM,
                d.getId(),
                d.getMembers(),
                d.getReserves(),
                pool.stream().map(Expert::getId).toList(),
                exclusions.stream().map(x -> x.expertId() + ":" + x.rule()).toList());
        List<Long> eligible = inputs.eligible();
        int needed = d.getMembers() + d.getReserves();
        if (eligible.size() < needed) {
            throw new ConflictException("talent.error.pool-too-small", eligible.size(), needed);
        }
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        String commitment = DrawInputs.sha256Hex(seed);
        Instant now = clock.instant();
        d.commit(
                inputs.pool(),
                exclusions,
                eligible,
                inputs.hash(),
                HexFormat.of().formatHex(seed),
                commitment,
                DrawGenerator.ALGORITHM,
                now);
        draws.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, d.getId(), "committed")
                .withChange("pool", null, inputs.pool().size())
                .withChange("exclusions", null, exclusions.size())
                .withChange("eligible", null, eligible.size())
                .withChange("inputsHash", null, inputs.hash())
                .withChange("seedCommitment", null, commitment)
                .withChange("algorithm", null, DrawGenerator.ALGORITHM));
        return publication.view(d, viewer);
    }

    /** Draws the ordered list (members, then reserves) from the committed seed. Only the responsible officer. */
    @PreAuthorize("isAuthenticated()")
    public DrawView draw(long id) {
        return draw(id, Viewer.current());
    }

    DrawView draw(long id, Viewer viewer) {
        ExpertDraw d = responsibleFor(id, viewer);
        requireState(d, DrawState.COMMITTED);
        List<Long> ordered = DrawGenerator.order(
                d.getSeed(), d.getInputsHash(), d.eligibleIdList(), d.getMembers() + d.getReserves());
        d.drawn(ordered, clock.instant());
        draws.flush();
        // the audit trail gets a fingerprint of the sealed result; the list itself is recorded with the decision
        events.publishEvent(StateChanged.of(AUDIT_TYPE, d.getId(), "drawn")
                .withChange(
                        "resultHash", null, DrawInputs.sha256Hex(join(ordered).getBytes()))
                .withChange("positions", null, ordered.size()));
        Map<Long, Long> personOf = personOf(ordered);
        events.publishEvent(new ExpertsDrawn(
                d.getId(),
                d.getPurpose(),
                d.getSubject(),
                ordered.subList(0, d.getMembers()).stream().map(personOf::get).toList(),
                ordered.subList(d.getMembers(), ordered.size()).stream()
                        .map(personOf::get)
                        .toList()));
        return publication.view(d, viewer);
    }

    /**
     * A drawn expert leaves: a serving member's seat goes to the next waiting reserve (the member's conclusions are
     * void); a waiting reserve simply drops out. CONFLICT also stores an exclusion under the declared-conflict rule.
     * Only the responsible officer, only before the decision; who replaces is never chosen.
     */
    @PreAuthorize("isAuthenticated()")
    public DrawView replace(long id, DrawForms.Replacement r) {
        Viewer viewer = Viewer.current();
        ExpertDraw d = responsibleFor(id, viewer);
        DrawPosition.Outcome outcome = outcome(r.outcome());
        String reason = r.reason() == null ? "" : r.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInputException(Map.of("reason", "talent.error.reason-required"));
        }
        if (r.position() == null) {
            throw new InvalidInputException(Map.of("position", "talent.error.position"));
        }
        leave(d, r.position(), outcome, reason, viewer);
        return publication.view(d, viewer);
    }

    /** A drawn expert, once contacted, declares a conflict of interest: excluded and replaced like a declining member. */
    @PreAuthorize("isAuthenticated()")
    public void declareConflict(long id, String reason) {
        Viewer viewer = Viewer.current();
        ExpertDraw d = draws.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-draw"));
        Expert me = viewer.personId() == null
                ? null
                : experts.findByPersonId(viewer.personId()).orElse(null);
        DrawPosition mine = me == null
                ? null
                : d.getPositions().stream()
                        .filter(p -> p.getExpertId() == me.getId())
                        .findFirst()
                        .orElse(null);
        if (mine == null) {
            throw new NotFoundException("talent.error.no-draw");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidInputException(Map.of("reason", "talent.error.reason-required"));
        }
        leave(d, mine.getPosition(), DrawPosition.Outcome.CONFLICT, why, viewer);
    }

    /**
     * The signed-in expert's open calls: the draws they were drawn in whose result is still sealed and in which they
     * still hold their place (serving or waiting), so that they can declare a conflict. Only their own place is told,
     * never the rest of the sealed result.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<DrawCall> calls() {
        Viewer viewer = Viewer.current();
        if (viewer.personId() == null) {
            return List.of();
        }
        return experts.findByPersonId(viewer.personId())
                .map(me -> draws.positionsOf(me.getId()).stream()
                        .filter(p -> p.getDraw().getState() == DrawState.DRAWN)
                        .filter(p -> p.getOutcome() == DrawPosition.Outcome.SERVING
                                || p.getOutcome() == DrawPosition.Outcome.WAITING)
                        .map(p -> new DrawCall(
                                p.getDraw().getId(),
                                p.getDraw().getPurpose(),
                                p.getDraw().getSubject(),
                                p.getOutcome() == DrawPosition.Outcome.SERVING))
                        .toList())
                .orElse(List.of());
    }

    private void leave(ExpertDraw d, int position, DrawPosition.Outcome outcome, String reason, Viewer viewer) {
        requireState(d, DrawState.DRAWN);
        DrawPosition leaving = d.getPositions().stream()
                .filter(p -> p.getPosition() == position)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(Map.of("position", "talent.error.position")));
        Instant now = clock.instant();
        DrawPosition reserve = null;
        if (leaving.getOutcome() == DrawPosition.Outcome.SERVING) {
            reserve = d.getPositions().stream()
                    .filter(p -> p.getOutcome() == DrawPosition.Outcome.WAITING)
                    .findFirst()
                    .orElseThrow(() -> new ConflictException("talent.error.no-reserve-left"));
            leaving.replaceWith(reserve, outcome, reason, now);
        } else if (leaving.getOutcome() == DrawPosition.Outcome.WAITING) {
            leaving.withdrawReserve(outcome, reason, now);
        } else {
            throw new ConflictException("talent.error.already-replaced");
        }
        if (outcome == DrawPosition.Outcome.CONFLICT) {
            d.excludeAfterDraw(leaving.getExpertId(), AvoidanceRuleName.DECLARED_CONFLICT.name(), reason, now);
        }
        draws.flush();
        StateChanged change = StateChanged.of(AUDIT_TYPE, d.getId(), "member-replaced")
                .withChange("position " + position, "SERVING/WAITING", outcome)
                .withComment(reason);
        if (reserve != null) {
            change = change.withChange("position " + reserve.getPosition(), "WAITING", "SERVING");
        }
        events.publishEvent(change);
        Map<Long, Long> personOf = personOf(
                reserve == null
                        ? List.of(leaving.getExpertId())
                        : List.of(leaving.getExpertId(), reserve.getExpertId()));
        events.publishEvent(new DrawMemberReplaced(
                d.getId(),
                personOf.get(leaving.getExpertId()),
                reserve == null ? null : personOf.get(reserve.getExpertId()),
                outcome.name()));
    }

    /** Records the purpose's decision: the result and the seed become public. Only the responsible officer. */
    @PreAuthorize("isAuthenticated()")
    public DrawView decide(long id, String decision) {
        return decide(id, decision, Viewer.current());
    }

    DrawView decide(long id, String decision, Viewer viewer) {
        ExpertDraw d = responsibleFor(id, viewer);
        requireState(d, DrawState.DRAWN);
        String text = decision == null ? "" : decision.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new InvalidInputException(Map.of("decision", "talent.error.decision"));
        }
        d.decided(text, clock.instant());
        draws.flush();
        events.publishEvent(StateChanged.of(AUDIT_TYPE, d.getId(), "decided")
                .withChange("seed", null, d.getSeed())
                .withChange(
                        "result",
                        null,
                        join(d.getPositions().stream()
                                .map(DrawPosition::getExpertId)
                                .toList()))
                .withComment(text));
        return publication.view(d, viewer);
    }

    /**
     * The responsible officer rates a drawn expert's review (1–5, with a note) once the purpose's decision is
     * recorded; a reserve never called cannot be rated. A new rating replaces the previous one (both audited).
     */
    @PreAuthorize("isAuthenticated()")
    public DrawView rate(long id, long expertId, DrawForms.Rating r) {
        return rate(id, expertId, r, Viewer.current());
    }

    /** For the system's own work (demo data): the rating given by a given officer. */
    DrawView rate(long id, long expertId, DrawForms.Rating r, Viewer viewer) {
        ExpertDraw d = responsibleFor(id, viewer);
        var errors = new InvalidInputException.Collector();
        errors.check(
                r != null && r.rating() != null && r.rating() >= 1 && r.rating() <= 5, "rating", "talent.error.rating");
        String note = r == null || r.note() == null || r.note().isBlank()
                ? null
                : r.note().strip();
        errors.check(note == null || note.length() <= 1000, "note", "talent.error.too-long");
        errors.throwIfAny();
        requireState(d, DrawState.DECIDED);
        DrawPosition p = d.getPositions().stream()
                .filter(x -> x.getExpertId() == expertId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("talent.error.not-drawn"));
        if (p.getOutcome() == DrawPosition.Outcome.WAITING) {
            throw new ConflictException("talent.error.not-called");
        }
        Integer before = p.getRating();
        String noteBefore = p.getRatingNote();
        p.rate(r.rating(), note, clock.instant());
        draws.flush();
        StateChanged change = StateChanged.of(AUDIT_TYPE, d.getId(), "expert-rated")
                .withChange("expert", null, expertId)
                .withChange("rating", before, r.rating());
        if (!java.util.Objects.equals(noteBefore, note)) {
            change = change.withChange("ratingNote", noteBefore, note);
        }
        events.publishEvent(change);
        return publication.view(d, viewer);
    }

    /** One draw: the base office sees the request; the sealed result only its responsible officer. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public DrawView get(long id) {
        Viewer viewer = Viewer.current();
        ExpertDraw d = draws.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-draw"));
        if (!viewer.office() && !viewer.is(d.getResponsiblePersonId()) && d.getState() != DrawState.DECIDED) {
            throw new NotPermittedException("talent.error.draw-sealed");
        }
        return publication.view(d, viewer);
    }

    /** All draws, newest first: for the base office. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    @Transactional(readOnly = true)
    public List<DrawView> list() {
        Viewer viewer = Viewer.current();
        return draws.findAllByOrderByIdDesc().stream()
                .map(d -> publication.view(d, viewer))
                .toList();
    }

    /**
     * The public verification of a draw, from its published inputs, or — when {@code claim} gives any — from the
     * inputs someone claims (a changed input then fails).
     */
    @Transactional(readOnly = true)
    public DrawVerification verification(long id, DrawPublication.Claim claim) {
        ExpertDraw d = draws.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-draw"));
        if (claim != null && claim.exclusions() != null) {
            for (String x : claim.exclusions()) {
                if (x == null || !x.matches("\\d{1,18}:[A-Z_]{1,32}")) {
                    throw new InvalidInputException(Map.of("exclusions", "talent.error.bad-exclusion"));
                }
            }
        }
        if (claim != null && claim.seed() != null && !claim.seed().strip().matches("[0-9a-fA-F]{64}")) {
            throw new InvalidInputException(Map.of("seed", "talent.error.bad-seed"));
        }
        if (claim != null
                && ((claim.members() != null && (claim.members() < 1 || claim.members() > MAX_MEMBERS))
                        || (claim.reserves() != null && (claim.reserves() < 0 || claim.reserves() > MAX_RESERVES))
                        || (claim.pool() != null && claim.pool().size() > 100_000))) {
            throw new InvalidInputException(Map.of("members", "talent.error.members"));
        }
        return publication.verification(d, Viewer.current(), claim);
    }

    private DrawContext context(ExpertDraw d, LocalDate today) {
        Set<Long> orgs = new LinkedHashSet<>();
        Set<Long> persons = new LinkedHashSet<>();
        Set<Long> drafters = new LinkedHashSet<>();
        Map<Long, String> excluded = new HashMap<>();
        for (DrawParty p : d.getParties()) {
            switch (p.getKind()) {
                case ORGANIZATION -> orgs.add(p.getOrganizationId());
                case PERSON -> persons.add(p.getPersonId());
                case DRAFTER -> drafters.add(p.getPersonId());
                case EXCLUDED_EXPERT -> excluded.put(p.getExpertId(), p.getReason());
            }
        }
        return new DrawContext(
                orgs, persons, d.getSupervisingOrgId(), drafters, excluded, today, properties.relationYears());
    }

    private ExpertDraw responsibleFor(long id, Viewer viewer) {
        ExpertDraw d = draws.findById(id).orElseThrow(() -> new NotFoundException("talent.error.no-draw"));
        if (!viewer.is(d.getResponsiblePersonId())) {
            throw new NotPermittedException("talent.error.not-responsible");
        }
        return d;
    }

    private static void requireState(ExpertDraw d, DrawState expected) {
        if (d.getState() != expected) {
            throw new ConflictException("talent.error.draw-state", d.getState().name());
        }
    }

    private Map<Long, Long> personOf(List<Long> expertIds) {
        return experts.findAllById(expertIds).stream().collect(Collectors.toMap(Expert::getId, Expert::getPersonId));
    }

    private static DrawPosition.Outcome outcome(String raw) {
        try {
            DrawPosition.Outcome o = DrawPosition.Outcome.valueOf(raw == null ? "" : raw.strip());
            if (o.replaced()) {
                return o;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new InvalidInputException(Map.of("outcome", "talent.error.outcome"));
    }

    private static String fieldCodes(String raw, InvalidInputException.Collector errors) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        List<String> codes = new ArrayList<>();
        for (String c : raw.toUpperCase(java.util.Locale.ROOT).split("[\\s,，;；、]+")) {
            if (c.isEmpty()) {
                continue;
            }
            if (!ProfileRules.ICS.matcher(c).matches()
                    && !ProfileRules.CCS.matcher(c).matches()) {
                errors.add("fieldCodes", "talent.error.bad-code");
                return "";
            }
            if (!codes.contains(c)) {
                codes.add(c);
            }
        }
        String joined = String.join(" ", codes);
        errors.check(joined.length() <= 1000, "fieldCodes", "talent.error.too-long");
        return joined;
    }

    private static Set<Long> ids(List<Long> ids) {
        Set<Long> set = new LinkedHashSet<>();
        if (ids != null) {
            ids.stream().filter(java.util.Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
