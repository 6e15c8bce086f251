package org.stdhub.catalog.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.stdhub.platform.UserFacingException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The spreadsheet template of a catalog import (xlsx or CSV, documented in docs/catalog-import-template.md): one
 * standard per row under a header row of column names, in Chinese or English. A spreadsheet is turned into the
 * JSON Lines the importer reads, line N for row N (the header and blank rows become blank lines), so a refused
 * line names its row.
 */
public final class ImportTemplate {

    /** A column: the JSON Lines field it fills and its names in the header row. */
    record Column(String field, String zh, String en, String exampleZh, String exampleEn) {}

    static final List<Column> COLUMNS = List.of(
            new Column("id_raw", "标准号", "designation", "DB41/T 2999-2026", "DB41/T 2999-2026"),
            new Column("title_zh", "中文名称", "title_zh", "茶叶加工技术规程", "茶叶加工技术规程"),
            new Column(
                    "title_en",
                    "英文名称",
                    "title_en",
                    "Code of practice for tea processing",
                    "Code of practice for tea processing"),
            new Column("status", "状态", "status", "现行", "current"),
            new Column("published", "发布日期", "published", "2026-05-10", "2026-05-10"),
            new Column("implemented", "实施日期", "implemented", "2026-08-10", "2026-08-10"),
            new Column("withdrawn", "废止日期", "withdrawn", "", ""),
            new Column("replaces", "代替标准", "replaces", "DB41/T 2999-2016", "DB41/T 2999-2016"),
            new Column("replaced_by", "被代替标准", "replaced_by", "", ""),
            new Column("adoption", "采用国际标准", "adoption", "", ""),
            new Column("ics", "ICS", "ics", "67.140.10", "67.140.10"),
            new Column("ccs", "CCS", "ccs", "X55", "X55"),
            new Column("tc", "归口单位", "committee", "河南省茶叶标准化技术委员会", "河南省茶叶标准化技术委员会"),
            new Column("publisher", "发布部门", "publisher", "河南省市场监督管理局", "河南省市场监督管理局"),
            new Column("category", "标准类别", "category", "地方标准", "地方标准"),
            new Column("source", "来源", "source", "河南省地方标准公告 2026年第5号", "Henan local standards announcement 2026/5"));

    private static final Map<String, String> STATUS_WORDS = Map.of(
            "现行", "current",
            "现行有效", "current",
            "有效", "current",
            "废止", "withdrawn",
            "作废", "withdrawn",
            "即将实施", "upcoming",
            "未实施", "upcoming");

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；,，、\\n]+");
    private static final Pattern ADOPTION =
            Pattern.compile("^(.+?)[\\s(（,，]*(IDT|MOD|NEQ|EQV)[)）]?$", Pattern.CASE_INSENSITIVE);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ImportTemplate() {}

    /** Is this file name a spreadsheet of the template (xlsx or CSV)? */
    static boolean isSpreadsheet(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".csv");
    }

    /** The rows of an xlsx or CSV file as JSON Lines (one line per row, the header row a blank line). */
    static String toJsonLines(String fileName, InputStream in) throws IOException {
        List<List<String>> rows = fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsxRows(in) : csvRows(in);
        if (rows.isEmpty()) {
            throw new UserFacingException("catalog.import.error.empty");
        }
        List<String> header = rows.getFirst();
        String[] fields = new String[header.size()];
        boolean designation = false;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                continue;
            }
            Column column = column(name)
                    .orElseThrow(() -> new UserFacingException("catalog.import.error.unknown-column", name.strip()));
            fields[i] = column.field();
            designation |= column.field().equals("id_raw");
        }
        if (!designation) {
            throw new UserFacingException("catalog.import.error.no-designation-column");
        }
        StringBuilder out = new StringBuilder();
        out.append('\n');
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.stream().allMatch(v -> v == null || v.isBlank())) {
                out.append('\n');
                continue;
            }
            ObjectNode record = JSON.createObjectNode();
            for (int i = 0; i < fields.length && i < row.size(); i++) {
                String value = row.get(i) == null ? "" : row.get(i).strip();
                if (fields[i] == null || value.isEmpty()) {
                    continue;
                }
                put(record, fields[i], value);
            }
            if (!record.has("source")) {
                record.put("source", "import: " + fileName);
            }
            out.append(JSON.writeValueAsString(record)).append('\n');
        }
        return out.toString();
    }

    private static void put(ObjectNode record, String field, String value) {
        switch (field) {
            case "status" -> record.put(field, STATUS_WORDS.getOrDefault(value, value.toLowerCase(Locale.ROOT)));
            case "replaces", "replaced_by", "ics", "ccs" -> {
                ArrayNode list = record.putArray(field);
                for (String item : LIST_SEPARATOR.split(value)) {
                    if (!item.isBlank()) {
                        list.add(item.strip());
                    }
                }
            }
            case "adoption" -> {
                ArrayNode list = record.putArray(field);
                for (String item : value.split("[;；\\n]+")) {
                    if (item.isBlank()) {
                        continue;
                    }
                    Matcher m = ADOPTION.matcher(item.strip());
                    ObjectNode adoption = list.addObject();
                    if (m.matches()) {
                        adoption.put("designation", m.group(1).strip());
                        adoption.put("degree", m.group(2).toUpperCase(Locale.ROOT));
                    } else {
                        // the reader refuses it with its own reason (the degree is missing)
                        adoption.put("designation", item.strip());
                    }
                }
            }
            default -> record.put(field, value);
        }
    }

    private static java.util.Optional<Column> column(String headerName) {
        String wanted = normalized(headerName);
        return COLUMNS.stream()
                .filter(c -> normalized(c.zh()).equals(wanted)
                        || normalized(c.en()).equals(wanted)
                        || normalized(c.field()).equals(wanted))
                .findFirst();
    }

    /** "英文名称 / title_en", " Title EN* " → compared without case, spaces, underscores and marks. */
    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_*\\-]", "")
                .replace('（', '(')
                .replace('）', ')');
    }

    private static List<List<String>> csvRows(InputStream in) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().get().parse(reader)) {
            for (CSVRecord record : parser) {
                List<String> row = new ArrayList<>();
                record.forEach(row::add);
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            // a quote left open, a character where a field should end …
            throw new UserFacingException("catalog.import.error.unreadable");
        }
        if (!rows.isEmpty() && !rows.getFirst().isEmpty()) {
            // a byte order mark (spreadsheet programs write one) is not part of the first column's name
            rows.getFirst().set(0, rows.getFirst().getFirst().replace("\uFEFF", ""));
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(InputStream in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<Integer, List<String>> byIndex = new HashMap<>();
            int last = sheet.getLastRowNum();
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    values.add(text(row.getCell(c), formatter));
                }
                byIndex.put(row.getRowNum(), values);
            }
            for (int r = 0; r <= last; r++) {
                rows.add(byIndex.getOrDefault(r, List.of()));
            }
        } catch (RuntimeException e) {
            throw new UserFacingException("catalog.import.error.unreadable");
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate date = cell.getDateCellValue()
                    .toInstant()
                    .atZone(ZoneOffset.systemDefault())
                    .toLocalDate();
            return date.toString();
        }
        if (type == CellType.NUMERIC) {
            double v = cell.getNumericCellValue();
            return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
        }
        return formatter.formatCellValue(cell);
    }

    /** The template as an xlsx: a header row in the reader's language, one example row, and a sheet of notes. */
    public static byte[] xlsx(Locale locale) {
        boolean zh = isChinese(locale);
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(zh ? "标准" : "standards");
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            var bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Column c = COLUMNS.get(i);
                Cell cell = header.createCell(i);
                cell.setCellValue(zh ? c.zh() : c.en());
                cell.setCellStyle(bold);
                example.createCell(i).setCellValue(zh ? c.exampleZh() : c.exampleEn());
                sheet.setColumnWidth(i, 20 * 256);
            }
            Sheet notes = workbook.createSheet(zh ? "说明" : "notes");
            String[] lines = zh
                    ? new String[] {
                        "每行一项标准；第一行为列名（中文或英文均可，见 docs/catalog-import-template.md）。",
                        "标准号必填；状态：现行、废止、即将实施（或 current、withdrawn、upcoming）。",
                        "日期：YYYY、YYYY-MM 或 YYYY-MM-DD；代替标准、被代替标准、ICS、CCS 可填多个，用分号分隔。",
                        "采用国际标准：如 ISO 3103:2019 IDT；来源留空时记为导入文件名。",
                        "示例行（第 2 行）为演示数据，导入前请删除。"
                    }
                    : new String[] {
                        "One standard per row; the first row names the columns (Chinese or English, see"
                                + " docs/catalog-import-template.md).",
                        "designation is required; status: current, withdrawn, upcoming (or 现行, 废止, 即将实施).",
                        "Dates: YYYY, YYYY-MM or YYYY-MM-DD; replaces, replaced_by, ics, ccs take several values"
                                + " separated by semicolons.",
                        "adoption: e.g. ISO 3103:2019 IDT; an empty source is recorded as the file's name.",
                        "The example row (row 2) is demo data: delete it before importing."
                    };
            for (int i = 0; i < lines.length; i++) {
                notes.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template as CSV (UTF-8 with a byte order mark, so spreadsheet programs read the Chinese names). */
    public static byte[] csv(Locale locale) {
        boolean zh = isChinese(locale);
        StringBuilder s = new StringBuilder("\uFEFF");
        s.append(String.join(
                        ",", COLUMNS.stream().map(c -> zh ? c.zh() : c.en()).toList()))
                .append("\r\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isChinese(Locale locale) {
        return locale == null || "zh".equals(locale.getLanguage());
    }
}
