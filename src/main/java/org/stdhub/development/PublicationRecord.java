package org.stdhub.development;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.StandardLookup;
import org.stdhub.platform.ConflictException;
import org.stdhub.platform.CsvTable;

/**
 * The publication record of a published group standard with the fields the national group-standards information
 * platform shows (docs/domain/10_group_standard_publication.md §10.2), as CSV for Excel (UTF-8 with BOM): the group,
 * the standard's designation, titles, status, dates, scope, what it replaces and adopts, and its patent information.
 * Fields StdHub does not keep yet (ICS/CCS, drafters, main technical content) are present and empty, so the columns
 * are always the platform's. Public, like the published standard.
 */
@Service
@Transactional(readOnly = true)
public class PublicationRecord {

    static final List<String> HEADER = List.of(
            "团体名称 Group",
            "团体代号 Group code",
            "标准编号 Designation",
            "中文标题 Chinese title",
            "英文标题 English title",
            "标准状态 Status",
            "发布日期 Published",
            "实施日期 Implemented",
            "国际标准分类号 ICS",
            "中国标准分类号 CCS",
            "起草单位 Drafting organizations",
            "起草人 Drafters",
            "范围 Scope",
            "主要技术内容 Main technical content",
            "代替标准 Replaces",
            "采用国际标准 Adopts",
            "是否包含专利信息 Contains patents",
            "专利 Patents");

    private final Projects projects;
    private final Alliances alliances;
    private final Patents patents;
    private final StandardLookup catalog;

    PublicationRecord(Projects projects, Alliances alliances, Patents patents, StandardLookup catalog) {
        this.projects = projects;
        this.alliances = alliances;
        this.patents = patents;
        this.catalog = catalog;
    }

    /** The record's fields, in the order of {@link #HEADER}. */
    public List<String> fields(long projectId) {
        Project p = projects.project(projectId);
        if (p.getDesignation() == null || p.getPublishedOn() == null) {
            throw new ConflictException(
                    "development.error.not-published", p.stage().code());
        }
        Alliance a = alliances.alliance(p.getAllianceId());
        Designation d = Designation.parse(p.getDesignation());
        StandardLookup.Facts inCatalog =
                catalog.byDesignationKeys(List.of(d.compactKey())).get(d.compactKey());
        List<PatentView> declared = patents.of(projectId);
        String status = inCatalog == null ? "" : statusZh(inCatalog.status());
        return List.of(
                a.getNameZh(),
                a.prefix(),
                p.getDesignation(),
                p.getTitleZh(),
                nullToEmpty(p.getTitleEn()),
                status,
                p.getPublishedOn().toString(),
                inCatalog == null ? "" : nullToEmpty(inCatalog.implemented()),
                "",
                "",
                "",
                "",
                p.getScope(),
                "",
                p.getKind() == ProjectKind.REVISION ? nullToEmpty(p.getBaseDesignation()) : "",
                p.getKind() == ProjectKind.ADOPTION ? p.getBaseDesignation() + " " + p.getAdoptionDegree() : "",
                declared.isEmpty() ? "否" : "是",
                declared.stream()
                        .map(x -> x.patentNumber() + " " + x.holder() + " " + x.licensing())
                        .collect(Collectors.joining("; ")));
    }

    /** The record as CSV: the header and one row. */
    public byte[] csv(long projectId) {
        List<String> row = fields(projectId);
        return CsvTable.forExcel(table -> {
            table.row(HEADER);
            table.row(row);
        });
    }

    private static String statusZh(String status) {
        return switch (status == null ? "" : status) {
            case "current" -> "现行";
            case "upcoming" -> "即将实施";
            case "withdrawn" -> "废止";
            default -> "";
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
