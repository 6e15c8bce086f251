package org.stdhub.compliance.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.stdhub.compliance.CheckEntry;
import org.stdhub.compliance.CheckInputException;

/** Reading the list to check: encodings, CSV rules, columns, headers and line numbers (no Spring). */
class ListReaderTests {

    final ListReader reader = new ListReader(DataSize.ofMegabytes(5));

    private static List<String> texts(List<CheckEntry> entries) {
        return entries.stream().map(CheckEntry::text).toList();
    }

    private static List<Integer> lines(List<CheckEntry> entries) {
        return entries.stream().map(CheckEntry::line).toList();
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (CheckInputException e) {
            return e.messageKey();
        }
        throw new AssertionError("no CheckInputException");
    }

    @Test
    void pastedTextKeepsLineNumbersAndSkipsBlankLines() {
        List<CheckEntry> entries = reader.readText("GB/T 1-2020\r\n\r\n  ISO 9001  \rIEC 1\n");
        assertThat(texts(entries)).containsExactly("GB/T 1-2020", "ISO 9001", "IEC 1");
        assertThat(lines(entries)).containsExactly(1, 3, 4);
    }

    @Test
    void utf8WithOrWithoutBomAndGbkAreDecodedStrictly() {
        String text = "标准号\nＧＢ／Ｔ １９００１—２０１６\n";
        assertThat(ListReader.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
        assertThat(ListReader.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(text);
        assertThat(ListReader.decode(text.getBytes(Charset.forName("GBK")))).isEqualTo(text);
        assertThat(code(() -> ListReader.decode(new byte[] {'G', 'B', (byte) 0xFF, (byte) 0x80, 0x31})))
                .isEqualTo("compliance.error.encoding");
        assertThat(code(() -> ListReader.decode("GB/T 1\u0000".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("compliance.error.encoding");
        // UTF-16 is neither
        assertThat(code(() -> ListReader.decode("GB/T 1-2020".getBytes(StandardCharsets.UTF_16))))
                .isEqualTo("compliance.error.encoding");
    }

    @Test
    void csvFieldsFollowRfc4180AndTheSeparatorIsGuessed() {
        var rows = ListReader.parseDelimited("a,b\r\n\"x, \"\"y\"\"\",\"multi\nline\"\n3,4");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).cells()).containsExactly("x, \"y\"", "multi\nline");
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(ListReader.parseDelimited("标准号\t名称\nGB/T 1-2020\t名称, 含逗号")
                        .get(1)
                        .cells())
                .containsExactly("GB/T 1-2020", "名称, 含逗号");
        assertThat(ListReader.parseDelimited("标准号;名称\nGB/T 1-2020;x").get(1).cells())
                .containsExactly("GB/T 1-2020", "x");
    }

    @Test
    void aNamedColumnIsFoundInTheHeaderIgnoringCaseAndSpaces() {
        byte[] csv = "No, Designation ,Title\n1,ISO 9001:2015,QMS\n2,,empty\n3,GB/T 1-2020,x\n"
                .getBytes(StandardCharsets.UTF_8);
        List<CheckEntry> entries = reader.readFile("list.CSV", csv, "designation");
        assertThat(texts(entries)).containsExactly("ISO 9001:2015", "GB/T 1-2020");
        assertThat(lines(entries)).containsExactly(2, 4);
        assertThatThrownBy(() -> reader.readFile("list.csv", csv, "标准号"))
                .isInstanceOf(CheckInputException.class)
                .hasMessage("compliance.error.column-not-found")
                .satisfies(e ->
                        assertThat(((CheckInputException) e).args()).containsExactly("标准号", "No, Designation, Title"));
    }

    @Test
    void withoutAColumnTheFirstFieldIsReadAndADigitlessFirstRowIsAHeader() {
        byte[] csv = "标准号,名称\nGB/T 1-2020,\"标准化工作导则, 第1部分\"\n".getBytes(StandardCharsets.UTF_8);
        assertThat(texts(reader.readFile("list.csv", csv, null))).containsExactly("GB/T 1-2020");
        byte[] txt = "我的标准清单\nGB/T 1-2020, 带逗号的行\n".getBytes(StandardCharsets.UTF_8);
        List<CheckEntry> entries = reader.readFile("list.txt", txt, " ");
        assertThat(texts(entries)).containsExactly("GB/T 1-2020, 带逗号的行");
        assertThat(lines(entries)).containsExactly(2);
    }

    @Test
    void wrongTypesEmptyAndOversizedFilesAreRefused() {
        byte[] one = "GB/T 1-2020".getBytes(StandardCharsets.UTF_8);
        assertThat(code(() -> reader.readFile("list.docx", one, null))).isEqualTo("compliance.error.file-type");
        assertThat(code(() -> reader.readFile("list", one, null))).isEqualTo("compliance.error.file-type");
        assertThat(code(() -> reader.readFile(null, one, null))).isEqualTo("compliance.error.file-type");
        assertThat(code(() -> reader.readFile("list.csv", new byte[0], null))).isEqualTo("compliance.error.file-empty");
        assertThat(code(() -> new ListReader(DataSize.ofBytes(5)).readFile("list.csv", one, null)))
                .isEqualTo("compliance.error.file-too-large");
        assertThat(code(() -> reader.readFile("list.xlsx", one, null))).isEqualTo("compliance.error.workbook");
        assertThat(code(() -> reader.readFile("list.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0}, null)))
                .isEqualTo("compliance.error.workbook");
    }

    static byte[] workbook(int rows, int blankEvery) throws java.io.IOException {
        try (var workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet("list");
            sheet.createRow(0).createCell(1).setCellValue("标准号");
            for (int r = 1; r <= rows; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("备注 " + r);
                if (blankEvery == 0 || r % blankEvery != 0) {
                    row.createCell(1).setCellValue("GB/T " + (10000 + r) + "-2020");
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    @Test
    void aLargeWorkbookIsReadOnlyUpToTheCallersLimit() throws java.io.IOException {
        byte[] big = workbook(50_000, 0);
        assertThat(code(() -> reader.readFile("big.xlsx", big, "标准号", false)))
                .isEqualTo("compliance.error.too-many-anonymous-over");
        assertThat(code(() -> reader.readFile("big.xlsx", big, null, true)))
                .isEqualTo("compliance.error.too-many-over");
        byte[] small = workbook(303, 3);
        List<CheckEntry> entries = reader.readFile("small.xlsx", small, "标准号", true);
        assertThat(entries).hasSize(202);
        assertThat(entries.getFirst().line()).isEqualTo(2);
        assertThat(entries.getFirst().text()).isEqualTo("GB/T 10001-2020");
        assertThat(code(() -> reader.readFile("small.xlsx", small, "标准号", false)))
                .isEqualTo("compliance.error.too-many-anonymous-over");
        assertThat(code(() -> reader.readFile("small.xlsx", small, "名称", true)))
                .isEqualTo("compliance.error.column-not-found");
    }

    @Test
    void aFileOfManyMoreRowsThanAnyListIsRefusedWhateverItHolds() {
        byte[] blank = ",\n".repeat(ListReader.MAX_ROWS + 1).getBytes(StandardCharsets.UTF_8);
        assertThat(code(() -> reader.readFile("blank.csv", blank, null, true)))
                .isEqualTo("compliance.error.file-too-many-cells");
    }
}
