package org.stdhub.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.CatalogTest;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotFoundException;
import org.stdhub.platform.NotPermittedException;
import org.stdhub.programme.SubsidyClaimView.Outcome;

/** Subsidy claims checked against the shipped catalog and earlier claims, reviewed with the policy in force. */
@CatalogTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeCatalogTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Contracts contracts;

    @Autowired
    SubsidyClaims claims;

    @Autowired
    Committees committees;

    @Autowired
    org.stdhub.catalog.StandardLookup catalog;

    @Autowired
    org.stdhub.audit.AuditLog audit;

    @Autowired
    org.springframework.test.web.servlet.assertj.MockMvcTester mvc;

    ProgrammeFixtures f;
    String officer;
    long unit;
    String member;
    String stranger;

    @BeforeAll
    void setUp() {
        f = new ProgrammeFixtures(accounts, organizations, principals, contracts);
        officer = f.officer();
        unit = f.unit("补助单位");
        member = f.member(unit);
        stranger = f.member(f.unit("他人单位"));
    }

    @AfterEach
    void signOut() {
        TestPeople.signOut();
    }

    @Test
    void aClaimIsCheckedAgainstTheCatalogAndASecondClaimForTheSameStandardAndRoleIsRefused() {
        f.signIn(member);
        SubsidyClaimView claim =
                claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.LEAD_NATIONAL, "GB/T 42061-2022"));
        assertThat(claim.state()).isEqualTo(ClaimState.SUBMITTED);
        assertThat(claim.checks())
                .extracting(SubsidyClaimView.Check::code, SubsidyClaimView.Check::outcome)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("no-double-claim", Outcome.PASSED),
                        org.assertj.core.groups.Tuple.tuple("exists", Outcome.PASSED),
                        org.assertj.core.groups.Tuple.tuple("published", Outcome.PASSED),
                        org.assertj.core.groups.Tuple.tuple("level", Outcome.PASSED),
                        org.assertj.core.groups.Tuple.tuple("drafting-organization", Outcome.UNKNOWN));
        // the same standard and role again, written differently: refused
        assertThatThrownBy(() ->
                        claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.LEAD_NATIONAL, "gb/t42061-2022")))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.double-claim");
        // by another unit too
        f.signIn(officer);
        long other = f.unit("另一单位");
        assertThatThrownBy(() ->
                        claims.submit(new SubsidyClaims.NewClaim(other, SubsidyRole.LEAD_NATIONAL, "GB/T 42061-2022")))
                .isInstanceOf(ConflictException.class);
        // someone of another unit neither sees nor claims for this unit
        f.signIn(stranger);
        assertThatThrownBy(() -> claims.get(claim.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(
                        () -> claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.LEAD_GROUP, "T/CAS 1-2020")))
                .isInstanceOf(NotPermittedException.class);

        // the catalog cannot tell the drafting organizations: the reviewer records the document checked instead
        f.signIn(officer);
        assertThatThrownBy(() -> claims.approve(claim.id(), "核对无误"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.claim-drafting-evidence-missing");
        f.signIn(member);
        assertThatThrownBy(() ->
                        claims.recordDraftingEvidence(claim.id(), new SubsidyClaims.DraftingEvidence("标准前言", true)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        f.signIn(officer);
        assertThatThrownBy(
                        () -> claims.recordDraftingEvidence(claim.id(), new SubsidyClaims.DraftingEvidence(" ", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("document", "unitNamed"));
        SubsidyClaimView notNamed = claims.recordDraftingEvidence(
                claim.id(), new SubsidyClaims.DraftingEvidence("GB/T 42061-2022 前言第 III 页起草单位名单", false));
        assertThat(notNamed.draftingConfirmed()).isFalse();
        assertThat(notNamed.checks())
                .filteredOn(c -> c.code().equals("drafting-organization"))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.UNKNOWN));
        assertThatThrownBy(() -> claims.approve(claim.id(), "核对无误"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.claim-drafting-not-confirmed");
        SubsidyClaimView named = claims.recordDraftingEvidence(
                claim.id(), new SubsidyClaims.DraftingEvidence("GB/T 42061-2022 前言第 III 页:起草单位含本单位", true));
        assertThat(named.draftingEvidence()).contains("前言");
        assertThat(named.draftingCheckedBy()).isNotBlank();
        assertThat(audit.history(SubsidyClaims.AUDIT_TYPE, String.valueOf(claim.id()), "drafting-evidence-recorded"))
                .hasSize(2);
        SubsidyClaimView approved = claims.approve(claim.id(), "核对无误");
        assertThat(approved.state()).isEqualTo(ClaimState.APPROVED);
        assertThat(approved.amount()).isEqualByComparingTo("300000.00");
        assertThatThrownBy(() -> claims.approve(claim.id(), null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aClaimWithAFailedCheckIsNotApprovedAndARejectedClaimMayBeMadeAgain() {
        f.signIn(member);
        SubsidyClaimView missing =
                claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.LEAD_NATIONAL, "GB/T 99999-2031"));
        assertThat(missing.checks())
                .filteredOn(c -> c.code().equals("exists"))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.FAILED));
        SubsidyClaimView wrongLevel =
                claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.LEAD_LOCAL, "GB/T 42061-2022"));
        assertThat(wrongLevel.checks())
                .filteredOn(c -> c.code().equals("level"))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.FAILED));
        assertThatThrownBy(() -> claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.LEAD_NATIONAL, "不是编号 ###")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("subject"));

        f.signIn(officer);
        assertThatThrownBy(() -> claims.approve(missing.id(), null))
                .isInstanceOf(ConflictException.class)
                .hasMessage("programme.error.claim-failed-checks");
        assertThatThrownBy(() -> claims.reject(missing.id(), "")).isInstanceOf(InvalidInputException.class);
        assertThat(claims.reject(missing.id(), "目录中没有该标准").state()).isEqualTo(ClaimState.REJECTED);

        f.signIn(member);
        assertThat(claims.submit(new SubsidyClaims.NewClaim(unit, SubsidyRole.LEAD_NATIONAL, "GB/T 99999-2031"))
                        .state())
                .isEqualTo(ClaimState.SUBMITTED);
    }

    @Test
    void aRegisteredTcListsTheStandardsTheCatalogGivesItByCode() {
        // the catalog's query: the code as a whole, with its sub-committees, never a longer code
        var sc = catalog.byCommittee("IEC/TC 86/SC 86B", 0, 20);
        var tc = catalog.byCommittee("iec/tc 86", 0, 20);
        assertThat(sc.total()).isGreaterThanOrEqualTo(600);
        assertThat(tc.total()).isGreaterThan(sc.total());
        assertThat(catalog.byCommittee("IEC/TC 8", 0, 20).total()).isLessThan(tc.total());
        assertThat(tc.items())
                .hasSize(20)
                .allSatisfy(s -> assertThat(s.designation()).startsWith("IEC"));
        var second = catalog.byCommittee("IEC/TC 86", 1, 20);
        assertThat(second.items())
                .extracting(x -> x.id())
                .doesNotContainAnyElementsOf(
                        tc.items().stream().map(x -> x.id()).toList());
        assertThat(catalog.byCommittee("%", 0, 20).total()).isZero();

        f.signIn(officer);
        var steel = committees.create(new Committees.NewCommittee(
                Committees.Kind.TECHNICAL_COMMITTEE, "全国钢标准化技术委员会", "全国钢标准化技术委员会", unit, "钢"));
        var iec = committees.create(new Committees.NewCommittee(
                Committees.Kind.TECHNICAL_COMMITTEE, "IEC/TC 86 国内技术对口单位", "IEC/TC 86", unit, "光纤"));
        var group = committees.create(
                new Committees.NewCommittee(Committees.Kind.COORDINATION_GROUP, "领导小组", null, null, null));
        f.signIn(stranger);
        assertThat(committees.standards(steel.id(), 0).total()).isGreaterThanOrEqualTo(100);
        assertThat(committees.standards(iec.id(), 0).total()).isEqualTo(tc.total());
        assertThat(committees.standards(group.id(), 0).total()).isZero();
        TestPeople.signOut();
        assertThat(
                        mvc.get()
                                .uri("/programme/committees/{id}/standards?page=1", iec.id())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(f.user(member))))
                .hasStatusOk()
                .bodyText()
                .contains("IEC/TC 86")
                .contains(second.items().getFirst().designation());
        assertThat(mvc.get().uri("/api/v1/committees/{id}/standards", iec.id()))
                .hasStatus(org.springframework.http.HttpStatus.UNAUTHORIZED);
    }
}
