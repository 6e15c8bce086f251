package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV tables: RFC 4180 quoting, the formula guard and the byte order mark when written; lenient reading. */
class CsvTableTests {

    @Test
    void writtenCellsAreQuotedOnlyWhenNeededAndFormulasAreNeutralised() {
        StringBuilder out = new StringBuilder();
        CsvTable table = CsvTable.writingTo(out);
        table.row("seq", "comment");
        table.row("", "first empty");
        table.row("1", "材料齐全, \"完整\"", null, "two\nlines");
        table.row("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "a=b");
        table.flush();
        assertThat(out.toString())
                .isEqualTo("seq,comment\r\n"
                        + ",first empty\r\n"
                        + "1,\"材料齐全, \"\"完整\"\"\",,\"two\nlines\"\r\n"
                        + "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-1,'@SUM(A1),'\tx,\"'\rx\",a=b\r\n");
    }

    @Test
    void forExcelStartsWithAByteOrderMarkAndIsUtf8() {
        byte[] bytes = CsvTable.forExcel(table -> table.row("标准号", "名称"));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF标准号,名称\r\n");
    }

    @Test
    void readingFollowsRfc4180GuessesTheSeparatorAndNumbersLines() {
        List<CsvTable.Row> rows = CsvTable.read("a,b\r\n\"x, \"\"y\"\"\",\"multi\nline\"\r\n\r\n3,4\r5,6");
        assertThat(rows).extracting(CsvTable.Row::line).containsExactly(1, 2, 4, 5, 6);
        assertThat(rows.get(1).cells()).containsExactly("x, \"y\"", "multi\nline");
        assertThat(rows.get(2).blank()).isTrue();
        assertThat(rows.get(4).cells()).containsExactly("5", "6");
        assertThat(CsvTable.read("标准号\t名称\nGB/T 1-2020\t名称, 含逗号").get(1).cells())
                .containsExactly("GB/T 1-2020", "名称, 含逗号");
        assertThat(CsvTable.read("a;b\nx;y").get(1).cells()).containsExactly("x", "y");
    }

    @Test
    void readingIsLenientWithPeoplesFiles() {
        assertThat(CsvTable.read("  \"GB/T 1\"  ,\"ab\"cd,\"open").getFirst().cells())
                .containsExactly("GB/T 1  ", "abcd", "open"); // text after the closing quote is kept
        List<List<String>> narrow = new java.util.ArrayList<>();
        CsvTable.read("a,b,c,d", 2, row -> narrow.add(row.cells()));
        assertThat(narrow).containsExactly(List.of("a", "b"));
    }
}
