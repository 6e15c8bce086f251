package org.stdhub.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.ChineseStandardPrefixes;
import org.stdhub.catalog.Designation;
import org.stdhub.identity.OrganizationKind;
import org.stdhub.identity.OrganizationView;
import org.stdhub.identity.Organizations;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.platform.StateChanged;

/**
 * Alliances: the base office registers an organization of kind alliance with its group code, once; the code must
 * not be a national, industry or local prefix nor another alliance's code. An alliance's secretariat sets its
 * durations and thresholds from a day on. Anyone may read alliances.
 */
@Service
@Transactional
public class Alliances {

    static final String AUDIT_TYPE = "alliance";

    /** A group code: a letter, then letters or digits, 2 to 12 in all (upper case). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,11}");

    /** New settings of an alliance from {@code effectiveFrom} (null: today). */
    public record NewSettings(LocalDate effectiveFrom, int commentDays, BallotRule ballotRule, int reviewYears) {}

    private final AllianceRepository alliances;
    private final AllianceRulesRepository rules;
    private final Organizations organizations;
    private final ChineseStandardPrefixes prefixes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Alliances(
            AllianceRepository alliances,
            AllianceRulesRepository rules,
            Organizations organizations,
            ChineseStandardPrefixes prefixes,
            ApplicationEventPublisher events,
            Clock clock) {
        this.alliances = alliances;
        this.rules = rules;
        this.organizations = organizations;
        this.prefixes = prefixes;
        this.events = events;
        this.clock = clock;
    }

    /** Registers organization {@code organizationId} (kind alliance) as an alliance with group code {@code code}. */
    @PreAuthorize("hasAnyRole('ADMIN', 'BASE_OFFICER')")
    public AllianceView register(long organizationId, String code) {
        return registerChecked(organizationId, code, false);
    }

    AllianceView registerChecked(long organizationId, String code, boolean demo) {
        String groupCode = normalizeCode(code);
        var errors = new InvalidInputException.Collector();
        errors.check(CODE.matcher(groupCode).matches(), "groupCode", "development.error.group-code");
        if (!errors.has("groupCode")) {
            errors.check(!prefixes.isTaken(groupCode), "groupCode", "development.error.group-code-prefix");
        }
        if (!errors.has("groupCode")) {
            // the alliance's standards must be readable by the catalog's designation engine as group standards
            errors.check(
                    Designation.tryParse("T/" + groupCode + " 1-2026")
                            .map(d -> d.prefix().equals("T/" + groupCode))
                            .orElse(false),
                    "groupCode",
                    "development.error.group-code");
        }
        errors.throwIfAny();
        OrganizationView org = organizations.find(organizationId);
        if (org.kind() != OrganizationKind.ALLIANCE) {
            throw new InvalidInputException(Map.of("organizationId", "development.error.not-an-alliance"));
        }
        alliances.findByGroupCode(groupCode).ifPresent(other -> {
            throw new ConflictException("development.error.group-code-taken", "T/" + groupCode, other.getNameZh());
        });
        alliances.findByOrganizationId(organizationId).ifPresent(other -> {
            throw new ConflictException("development.error.already-registered", org.nameZh(), other.prefix());
        });
        Alliance alliance = alliances.save(
                new Alliance(organizationId, groupCode, org.nameZh(), org.nameEn(), clock.instant(), demo));
        AllianceRules initial = rules.save(new AllianceRules(
                alliance.getId(),
                LocalDate.now(clock),
                AllianceRules.DEFAULT_COMMENT_DAYS,
                BallotRule.DEFAULT,
                AllianceRules.DEFAULT_REVIEW_YEARS,
                clock.instant()));
        events.publishEvent(StateChanged.of(AUDIT_TYPE, alliance.getId(), "registered")
                .withChange("organization", null, organizationId)
                .withChange("groupCode", null, alliance.prefix())
                .withChange("commentDays", null, initial.getCommentDays()));
        return AllianceView.of(alliance, initial.view());
    }

    static String normalizeCode(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (c.startsWith("T/")) {
            c = c.substring(2).strip();
        }
        return c;
    }

    /** Every alliance, by group code. */
    @Transactional(readOnly = true)
    public List<AllianceView> all() {
        LocalDate today = LocalDate.now(clock);
        return alliances.findAllByOrderByGroupCodeAsc().stream()
                .map(a -> AllianceView.of(a, settingsOf(a.getId(), today)))
                .toList();
    }

    /** The {@code n} alliances registered last, newest first (the public site's "latest"). */
    @Transactional(readOnly = true)
    public List<AllianceView> latest(int n) {
        return all().stream()
                .sorted(java.util.Comparator.comparingLong(AllianceView::id).reversed())
                .limit(Math.max(0, n))
                .toList();
    }

    @Transactional(readOnly = true)
    public AllianceView get(long id) {
        return AllianceView.of(alliance(id), settingsOf(id, LocalDate.now(clock)));
    }

    /** The settings history of an alliance, oldest first (the one in force is the latest not after today). */
    @Transactional(readOnly = true)
    public List<AllianceSettings> settingsHistory(long id) {
        alliance(id);
        return rules.findByAllianceIdOrderByEffectiveFromAsc(id).stream()
                .map(AllianceRules::view)
                .toList();
    }

    /** The alliance's secretariat (or the base office) sets durations and thresholds from a day on (today or later). */
    @PreAuthorize("isAuthenticated()")
    public AllianceSettings changeSettings(long id, NewSettings s) {
        Alliance alliance = alliance(id);
        Participant me = Participant.current();
        if (!me.isBaseOffice() && !me.partiesIn(alliance.getOrganizationId()).contains(Party.SECRETARY)) {
            throw new NotPermittedException("development.error.not-secretary-of", alliance.getNameZh());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = s.effectiveFrom() == null ? today : s.effectiveFrom();
        var errors = new InvalidInputException.Collector();
        errors.check(!from.isBefore(today), "effectiveFrom", "development.error.effective-past");
        errors.check(s.commentDays() >= 1 && s.commentDays() <= 365, "commentDays", "development.error.comment-days");
        errors.check(s.reviewYears() >= 1 && s.reviewYears() <= 10, "reviewYears", "development.error.review-years");
        errors.check(s.ballotRule() != null, "ballotRule", "development.error.rule");
        errors.throwIfAny();
        AllianceSettings before = settingsOf(id, from);
        rules.findByAllianceIdAndEffectiveFrom(id, from).ifPresent(r -> {
            rules.delete(r);
            rules.flush();
        });
        AllianceRules saved = rules.save(
                new AllianceRules(id, from, s.commentDays(), s.ballotRule(), s.reviewYears(), clock.instant()));
        events.publishEvent(StateChanged.of(AUDIT_TYPE, id, "settings-changed")
                .withChange("effectiveFrom", null, from)
                .withChange("commentDays", before.commentDays(), s.commentDays())
                .withChange("ballotRule", describe(before.ballotRule()), describe(s.ballotRule()))
                .withChange("reviewYears", before.reviewYears(), s.reviewYears()));
        return saved.view();
    }

    private static String describe(BallotRule r) {
        return "≥" + r.approveText() + " ≤" + r.rejectText() + " quorum " + r.quorumText();
    }

    AllianceSettings settingsOf(long allianceId, LocalDate day) {
        return rules.findFirstByAllianceIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(allianceId, day)
                .or(() -> rules.findByAllianceIdOrderByEffectiveFromAsc(allianceId).stream()
                        .findFirst())
                .map(AllianceRules::view)
                .orElse(new AllianceSettings(
                        day,
                        AllianceRules.DEFAULT_COMMENT_DAYS,
                        BallotRule.DEFAULT,
                        AllianceRules.DEFAULT_REVIEW_YEARS));
    }

    Alliance alliance(long id) {
        return alliances
                .findById(id)
                .orElseThrow(() -> new NotFoundException("development.error.alliance-not-found", id));
    }
}
