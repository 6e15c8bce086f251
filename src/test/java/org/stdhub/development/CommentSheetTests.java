package org.stdhub.development;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.stdhub.platform.InvalidInputException;

/** The comment table's xlsx layout: what is written is read back unchanged, and foreign files are refused. */
class CommentSheetTests {

    private static final List<CommentView> TABLE = List.of(
            new CommentView(
                    1,
                    1,
                    "河南省标准化研究院",
                    "17",
                    "3.1",
                    "表 1",
                    CommentType.TECHNICAL,
                    "限值偏低。\n建议复核。",
                    "改为 25 mA",
                    Disposition.ACCEPTED_IN_PRINCIPLE,
                    "改为 20 mA"),
            new CommentView(
                    2,
                    2,
                    "Member body B",
                    null,
                    "Annex A",
                    null,
                    CommentType.EDITORIAL,
                    "Typo \"tolerence\"",
                    null,
                    null,
                    null),
            new CommentView(
                    3,
                    3,
                    "某企业",
                    "1",
                    null,
                    "Figure 2",
                    CommentType.GENERAL,
                    "标题不清",
                    null,
                    Disposition.NOT_ACCEPTED,
                    null));

    @Test
    void aWrittenTableReadsBackAsTheSameRows() {
        List<CommentSheet.Line> lines = CommentSheet.read(CommentSheet.write(TABLE));
        assertThat(lines).hasSize(3);
        for (int i = 0; i < TABLE.size(); i++) {
            CommentView c = TABLE.get(i);
            CommentSheet.Line l = lines.get(i);
            assertThat(l.seq()).isEqualTo(c.seq());
            assertThat(l.entry())
                    .isEqualTo(new CommentEntry(
                            c.memberBody(),
                            c.line(),
                            c.clause(),
                            c.element(),
                            c.type(),
                            c.comment(),
                            c.proposedChange()));
            assertThat(l.disposition()).isEqualTo(c.disposition());
            assertThat(l.observations()).isEqualTo(c.observations());
        }
    }

    @Test
    void theHeaderIsTheIsoTemplatesColumnsBetweenNumberAndDisposition() throws Exception {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(CommentSheet.write(TABLE)))) {
            var header = wb.getSheetAt(0).getRow(0);
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("MB/NC");
            assertThat(header.getCell(5).getStringCellValue()).isEqualTo("Type of comment");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("Observations of the secretariat");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(5).getStringCellValue())
                    .isEqualTo("te");
        }
    }

    @Test
    void aRowWithoutNumberIsANewCommentAndUnknownValuesAreRefused() throws Exception {
        byte[] filled;
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(CommentSheet.write(List.of())));
                var out = new ByteArrayOutputStream()) {
            var row = wb.getSheetAt(0).createRow(1);
            row.createCell(1).setCellValue("无账号单位");
            row.createCell(5).setCellValue("技术");
            row.createCell(6).setCellValue("第 5 章缺少试验方法");
            wb.write(out);
            filled = out.toByteArray();
        }
        assertThat(CommentSheet.read(filled)).singleElement().satisfies(l -> {
            assertThat(l.seq()).isNull();
            assertThat(l.entry().type()).isEqualTo(CommentType.TECHNICAL);
            assertThat(l.entry().memberBody()).isEqualTo("无账号单位");
        });
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(CommentSheet.write(TABLE)));
                var out = new ByteArrayOutputStream()) {
            wb.getSheetAt(0).getRow(1).getCell(9).setCellValue("MAYBE");
            wb.write(out);
            assertThatThrownBy(() -> CommentSheet.read(out.toByteArray())).isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> CommentSheet.read("not a workbook".getBytes()))
                .isInstanceOf(InvalidInputException.class);
    }
}
