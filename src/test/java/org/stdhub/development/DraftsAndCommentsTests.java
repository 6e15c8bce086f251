package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdhub.MutableClock;
import org.stdhub.TestPeople;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.IdentityTest;
import org.stdhub.identity.Organizations;
import org.stdhub.identity.Principals;
import org.stdhub.identity.Role;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.InvalidInputException;
import org.stdhub.platform.NotPermittedException;

/** Draft versions (type from content, content-addressed, immutable) and the comment period with dispositions. */
@IdentityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DraftsAndCommentsTests {

    @Autowired
    Accounts accounts;

    @Autowired
    Organizations organizations;

    @Autowired
    Principals principals;

    @Autowired
    Alliances alliances;

    @Autowired
    Projects projects;

    @Autowired
    Ballots ballots;

    @Autowired
    Drafts drafts;

    @Autowired
    Comments comments;

    @Autowired
    DraftFiles files;

    @Autowired
    MutableClock clock;

    DevelopmentFixtures f;
    AllianceView a;
    String secretary;
    String member;
    String member2;
    String otherSecretary;
    String outsider;

    @BeforeAll
    void setUp() {
        f = new DevelopmentFixtures(accounts, organizations, principals, alliances);
        a = f.alliance("草案联盟");
        AllianceView b = f.alliance("别的联盟");
        secretary = f.person("dsec", a.organizationId(), Role.ALLIANCE_SECRETARY);
        member = f.person("dmem", a.organizationId(), Role.ALLIANCE_MEMBER);
        member2 = f.person("dmen", a.organizationId(), Role.ALLIANCE_MEMBER);
        otherSecretary = f.person("dsed", b.organizationId(), Role.ALLIANCE_SECRETARY);
        outsider = f.person("dout", 0, null);
    }

    @AfterEach
    void tearDown() {
        TestPeople.signOut();
        clock.reset();
    }

    static byte[] docx(String text) throws Exception {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                        + "trailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] xlsx() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("x").createRow(0).createCell(0).setCellValue("not a draft");
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] zip() throws Exception {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.finish();
            return bytes.toByteArray();
        }
    }

    private long proposed(String title) {
        f.signIn(member);
        long id = projects.propose(new NewProject(a.id(), title, null, "范围", ProjectKind.NEW, null, null))
                .id();
        TestPeople.signOut();
        return id;
    }

    /** A project of the alliance brought to its public comment period, with one draft. */
    private long inCommentPeriod(String title) throws Exception {
        long id = proposed(title);
        f.signIn(secretary);
        projects.transition(id, "START_REVIEW", null);
        projects.transition(id, "REGISTER_PROJECT", null);
        long ballot = ballots.open(
                        id,
                        new NewBallot(
                                null,
                                clock.instant().plus(Duration.ofDays(7)),
                                List.of(f.personId(member), f.personId(member2)),
                                false))
                .id();
        f.signIn(member);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        f.signIn(member2);
        ballots.vote(ballot, VotePosition.APPROVE, null);
        clock.advance(Duration.ofDays(7));
        f.signIn(secretary);
        ballots.close(ballot);
        projects.transition(id, "APPROVE_PROJECT", null);
        projects.transition(id, "REGISTER_DRAFTING", null);
        projects.transition(id, "START_DRAFTING", null);
        assertThatThrownBy(() -> projects.transition(id, "APPROVE_WORKING_DRAFT", null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("DRAFT"));
        drafts.upload(id, "工作组草案.docx", docx(title), "第一稿");
        projects.transition(id, "APPROVE_WORKING_DRAFT", null);
        projects.transition(id, "REGISTER_COMMENT_DRAFT", null);
        ProjectView open = projects.transition(id, "OPEN_COMMENT_PERIOD", null);
        assertThat(open.stage()).isEqualTo("30.20");
        assertThat(Duration.between(open.commentOpensAt(), open.commentClosesAt()))
                .isEqualTo(Duration.ofDays(30));
        TestPeople.signOut();
        return id;
    }

    @Test
    void draftsAreCheckedByContentStoredByDigestAndNumbered() throws Exception {
        long id = proposed("草案存储");
        f.signIn(member);
        byte[] word = docx("草案存储 第一版");
        DraftView v1 = drafts.upload(id, "a.docx", word, "初稿");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.mediaType()).isEqualTo(DraftFiles.DOCX);
        assertThat(v1.sha256()).isEqualTo(DraftFiles.sha256(word));
        assertThat(Files.readAllBytes(files.path(v1.sha256()))).isEqualTo(word);
        DraftView v2 = drafts.upload(id, "b.pdf", pdf(), "转为 PDF");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.mediaType()).isEqualTo(DraftFiles.PDF);
        // the same content again is a new version of the same stored file
        DraftView v3 = drafts.upload(id, "again.docx", word, "重新上传");
        assertThat(v3.sha256()).isEqualTo(v1.sha256());
        assertThat(drafts.of(id))
                .extracting(DraftView::version, DraftView::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "初稿"),
                        org.assertj.core.groups.Tuple.tuple(2, "转为 PDF"),
                        org.assertj.core.groups.Tuple.tuple(3, "重新上传"));
        // names do not make types: a workbook, a bare zip and text named as drafts are refused
        for (byte[] fake : List.of(xlsx(), zip(), "%PDF? no, plain text".getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> drafts.upload(id, "draft.docx", fake, "伪装"))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsEntry("file", "development.error.draft-type"));
        }
        assertThatThrownBy(() -> drafts.upload(id, "big.pdf", new byte[(int) DraftFiles.MAX_BYTES + 1], "太大"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> drafts.upload(id, "a.docx", word, " ")).isInstanceOf(InvalidInputException.class);
        assertThat(drafts.download(v1.id()).content()).isEqualTo(word);
        f.signIn(otherSecretary);
        assertThatThrownBy(() -> drafts.upload(id, "x.docx", word, "越界")).isInstanceOf(NotPermittedException.class);
        f.signIn(outsider);
        assertThatThrownBy(() -> drafts.download(v1.id())).isInstanceOf(NotPermittedException.class);
    }

    @Test
    void theCommentPeriodTakesCommentsUntilItClosesAndDispositionsUnlockTheNextStage() throws Exception {
        clock.set(clock.daysFromToday(2));
        long id = inCommentPeriod("征求意见项目");
        f.signIn(outsider);
        long draft = drafts.of(id).getFirst().id();
        assertThat(drafts.download(draft).mediaType()).isEqualTo(DraftFiles.DOCX);
        CommentView c1 = comments.submit(
                id, new CommentEntry("某检测机构", "12", "4.2", "表 2", CommentType.TECHNICAL, "限值过严", "放宽至 5%"));
        assertThat(c1.seq()).isEqualTo(1);
        assertThatThrownBy(() -> comments.submit(id, new CommentEntry(" ", null, null, null, null, "", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKeys("memberBody", "type", "comment"));
        assertThatThrownBy(() -> comments.dispose(id, 1, Disposition.ACCEPTED, null))
                .isInstanceOf(NotPermittedException.class);

        f.signIn(secretary);
        assertThatThrownBy(() -> projects.transition(id, "CLOSE_COMMENT_PERIOD", null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("COMMENT_PERIOD_OVER"));
        // a comment received on paper, entered through the table by the secretariat
        byte[] table = comments.export(id);
        byte[] withPaperComment;
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(table));
                var out = new ByteArrayOutputStream()) {
            var row = wb.getSheetAt(0).createRow(2);
            row.createCell(1).setCellValue("无账号企业");
            row.createCell(5).setCellValue("ed");
            row.createCell(6).setCellValue("术语不一致");
            wb.write(out);
            withPaperComment = out.toByteArray();
        }
        assertThat(comments.importTable(id, withPaperComment)).isEqualTo(new Comments.Imported(1, 0, 1));
        assertThat(comments.of(id)).hasSize(2);

        clock.advance(Duration.ofDays(30));
        f.signIn(outsider);
        assertThatThrownBy(() -> comments.submit(
                        id, new CommentEntry("迟到单位", null, null, null, CommentType.GENERAL, "迟到的意见", null)))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("development.error.comment-period-closed"));
        f.signIn(secretary);
        assertThat(projects.transition(id, "CLOSE_COMMENT_PERIOD", null).stage())
                .isEqualTo("30.60");
        assertThatThrownBy(() -> projects.transition(id, "DISPOSE_COMMENTS", null))
                .isInstanceOfSatisfying(
                        TransitionRefused.class, e -> assertThat(e.missing()).isEqualTo("COMMENTS_DISPOSED"));

        // export, fill in the dispositions, import: the round trip keeps every comment and adds the decisions
        byte[] exported = comments.export(id);
        assertThat(comments.importTable(id, exported)).isEqualTo(new Comments.Imported(0, 0, 2));
        byte[] decided;
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(exported));
                var out = new ByteArrayOutputStream()) {
            var sheet = wb.getSheetAt(0);
            sheet.getRow(1).createCell(8).setCellValue("放宽至 3%");
            sheet.getRow(1).createCell(9).setCellValue("ACCEPTED_IN_PRINCIPLE");
            sheet.getRow(2).createCell(9).setCellValue("ACCEPTED");
            wb.write(out);
            decided = out.toByteArray();
        }
        assertThat(comments.importTable(id, decided)).isEqualTo(new Comments.Imported(0, 2, 0));
        assertThat(comments.of(id))
                .extracting(CommentView::disposition)
                .containsExactly(Disposition.ACCEPTED_IN_PRINCIPLE, Disposition.ACCEPTED);
        assertThat(comments.of(id).getFirst().observations()).isEqualTo("放宽至 3%");
        assertThat(comments.of(id).getFirst().comment()).isEqualTo("限值过严");
        assertThat(comments.importTable(id, comments.export(id))).isEqualTo(new Comments.Imported(0, 0, 2));
        assertThat(projects.transition(id, "DISPOSE_COMMENTS", null).stage()).isEqualTo("30.99");
        f.signIn(outsider);
        assertThatThrownBy(() -> drafts.download(draft)).isInstanceOf(NotPermittedException.class);
    }
}
