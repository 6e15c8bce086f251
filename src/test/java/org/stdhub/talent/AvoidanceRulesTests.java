package org.stdhub.talent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import org.stdhub.talent.draw.AvoidanceRules;
import org.stdhub.talent.draw.DeclaredConflictRule;
import org.stdhub.talent.draw.DraftingGroupRule;
import org.stdhub.talent.draw.DrawContext;
import org.stdhub.talent.draw.FamilyRelationRule;
import org.stdhub.talent.draw.PenaltyRule;
import org.stdhub.talent.draw.RelationWithPartyRule;
import org.stdhub.talent.draw.SameEmployerRule;
import org.stdhub.talent.draw.SupervisingAuthorityRule;
import org.stdhub.talent.expert.Expert;

/** Each avoidance rule of §5.4 with a case that excludes and one that does not. */
class AvoidanceRulesTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    static final long PARTY_ORG = 100;
    static final long OTHER_ORG = 200;
    static final long AUTHORITY = 300;
    static final long PARTY_PERSON = 400;

    static DrawContext draw() {
        return new DrawContext(
                Set.of(PARTY_ORG),
                Set.of(PARTY_PERSON),
                AUTHORITY,
                Set.of(501L),
                Map.of(77L, "objection of party 100 upheld on 2026-11-20"),
                DAY,
                3);
    }

    static Expert expert(long id, long personId) {
        Expert e = new Expert(
                personId,
                "专家" + id,
                new Expert.Profile("01.040", "", "", Title.SENIOR, false, 12, "河南"),
                Instant.parse("2026-01-01T00:00:00Z"));
        ReflectionTestUtils.setField(e, "id", id);
        return e;
    }

    @Test
    void sameEmployerExcludesAnExpertWorkingForAPartyAndAPartyPerson() {
        Expert atParty = expert(1, 11);
        atParty.addEmployment(PARTY_ORG, "当事公司", LocalDate.of(2015, 1, 1), null);
        Expert isParty = expert(2, PARTY_PERSON);
        assertThat(new SameEmployerRule().excludes(atParty, draw())).isPresent();
        assertThat(new SameEmployerRule().excludes(isParty, draw())).isPresent();
    }

    @Test
    void sameEmployerKeepsAnExpertWhoLeftThePartyOrWorksElsewhere() {
        Expert elsewhere = expert(1, 11);
        elsewhere.addEmployment(OTHER_ORG, "别家", LocalDate.of(2015, 1, 1), null);
        elsewhere.addEmployment(PARTY_ORG, "当事公司", LocalDate.of(2000, 1, 1), LocalDate.of(2014, 12, 31));
        assertThat(new SameEmployerRule().excludes(elsewhere, draw())).isEmpty();
    }

    @Test
    void relationWithPartyExcludesAFormerEmployeeWithinThreeYears() {
        Expert e = expert(1, 11);
        e.addEmployment(PARTY_ORG, "当事公司", LocalDate.of(2010, 1, 1), DAY.minusYears(3));
        assertThat(new RelationWithPartyRule().excludes(e, draw()))
                .get()
                .asString()
                .contains("100");
    }

    @Test
    void relationWithPartyExcludesADirectorOrControllingShareholderWithinThreeYears() {
        Expert director = expert(1, 11);
        director.addRelation(
                RelationKind.DIRECTORSHIP, PARTY_ORG, null, "监事", LocalDate.of(2020, 1, 1), DAY.minusYears(1));
        Expert shareholder = expert(2, 12);
        shareholder.addRelation(RelationKind.SHAREHOLDING, PARTY_ORG, null, "控股股东", LocalDate.of(2020, 1, 1), null);
        assertThat(new RelationWithPartyRule().excludes(director, draw())).isPresent();
        assertThat(new RelationWithPartyRule().excludes(shareholder, draw())).isPresent();
    }

    @Test
    void relationWithPartyKeepsRelationsEndedMoreThanThreeYearsAgoOrWithOthers() {
        Expert old = expert(1, 11);
        old.addEmployment(
                PARTY_ORG, "当事公司", LocalDate.of(2010, 1, 1), DAY.minusYears(3).minusDays(1));
        old.addRelation(
                RelationKind.DIRECTORSHIP, PARTY_ORG, null, "董事", LocalDate.of(2010, 1, 1), LocalDate.of(2020, 1, 1));
        old.addRelation(RelationKind.SHAREHOLDING, OTHER_ORG, null, "股东", LocalDate.of(2020, 1, 1), null);
        assertThat(new RelationWithPartyRule().excludes(old, draw())).isEmpty();
    }

    @Test
    void familyRelationExcludesARelativeOfAPartyPersonOrOfAPartysHead() {
        Expert ofPerson = expert(1, 11);
        ofPerson.addRelation(RelationKind.FAMILY, null, PARTY_PERSON, "配偶", null, null);
        Expert ofHead = expert(2, 12);
        ofHead.addRelation(RelationKind.FAMILY, PARTY_ORG, null, "兄弟为法定代表人", null, null);
        assertThat(new FamilyRelationRule().excludes(ofPerson, draw())).isPresent();
        assertThat(new FamilyRelationRule().excludes(ofHead, draw())).isPresent();
    }

    @Test
    void familyRelationKeepsRelativesOfOthersAndEndedRelations() {
        Expert e = expert(1, 11);
        e.addRelation(RelationKind.FAMILY, OTHER_ORG, 999L, "配偶", null, null);
        e.addRelation(RelationKind.FAMILY, null, PARTY_PERSON, "原配偶", null, LocalDate.of(2019, 5, 1));
        assertThat(new FamilyRelationRule().excludes(e, draw())).isEmpty();
    }

    @Test
    void supervisingAuthorityExcludesItsStaff() {
        Expert e = expert(1, 11);
        e.addEmployment(AUTHORITY, "市场监督管理局", LocalDate.of(2012, 1, 1), null);
        assertThat(new SupervisingAuthorityRule().excludes(e, draw())).isPresent();
    }

    @Test
    void supervisingAuthorityKeepsFormerStaffAndDrawsWithoutAuthority() {
        Expert e = expert(1, 11);
        e.addEmployment(AUTHORITY, "市场监督管理局", LocalDate.of(2000, 1, 1), LocalDate.of(2010, 1, 1));
        e.addEmployment(OTHER_ORG, "大学", LocalDate.of(2010, 1, 2), null);
        assertThat(new SupervisingAuthorityRule().excludes(e, draw())).isEmpty();
        DrawContext noAuthority = new DrawContext(Set.of(), Set.of(), null, Set.of(), Map.of(), DAY, 3);
        Expert staff = expert(2, 12);
        staff.addEmployment(AUTHORITY, "市场监督管理局", LocalDate.of(2012, 1, 1), null);
        assertThat(new SupervisingAuthorityRule().excludes(staff, noAuthority)).isEmpty();
    }

    @Test
    void draftingGroupExcludesAMemberOfTheDraftingGroup() {
        assertThat(new DraftingGroupRule().excludes(expert(1, 501), draw())).isPresent();
        assertThat(new DraftingGroupRule().excludes(expert(2, 502), draw())).isEmpty();
    }

    @Test
    void penaltyExcludesAnExpertWithARecordedPenaltyWhateverItsDate() {
        Expert e = expert(1, 11);
        e.addRelation(
                RelationKind.PENALTY, null, null, "2012年评标违规 行政处罚", LocalDate.of(2012, 1, 1), LocalDate.of(2012, 1, 1));
        assertThat(new PenaltyRule().excludes(e, draw())).isPresent();
        Expert clean = expert(2, 12);
        clean.addRelation(RelationKind.CONFLICT, OTHER_ORG, null, "曾合作", null, null);
        assertThat(new PenaltyRule().excludes(clean, draw())).isEmpty();
    }

    @Test
    void declaredConflictExcludesADeclaredConflictWithAPartyAndAnUpheldObjection() {
        Expert declared = expert(1, 11);
        declared.addRelation(RelationKind.CONFLICT, PARTY_ORG, null, "与该公司有合作项目", null, null);
        Expert objected = expert(77, 12);
        assertThat(new DeclaredConflictRule().excludes(declared, draw())).isPresent();
        assertThat(new DeclaredConflictRule().excludes(objected, draw()))
                .get()
                .asString()
                .contains("objection");
    }

    @Test
    void declaredConflictKeepsConflictsWithOthersAndEndedConflicts() {
        Expert e = expert(1, 11);
        e.addRelation(RelationKind.CONFLICT, OTHER_ORG, null, "与别家合作", null, null);
        e.addRelation(RelationKind.CONFLICT, PARTY_ORG, null, "旧合作", null, LocalDate.of(2020, 1, 1));
        assertThat(new DeclaredConflictRule().excludes(e, draw())).isEmpty();
    }

    @Test
    void everyRuleThatHoldsIsOneStoredExclusionWithItsReason() {
        Expert both = expert(1, 501);
        both.addEmployment(PARTY_ORG, "当事公司", LocalDate.of(2015, 1, 1), null);
        Expert clean = expert(2, 12);
        var found = AvoidanceRules.exclusions(java.util.List.of(both, clean), draw());
        assertThat(found)
                .extracting(x -> x.expertId() + ":" + x.rule())
                .containsExactly("1:SAME_EMPLOYER", "1:DRAFTING_GROUP");
        assertThat(found).allSatisfy(x -> assertThat(x.reason()).isNotBlank());
        assertThat(AvoidanceRules.ALL).extracting(r -> r.name()).containsExactly(AvoidanceRuleName.values());
    }
}
