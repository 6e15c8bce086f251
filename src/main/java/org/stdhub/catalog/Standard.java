package org.stdhub.catalog;

import jakarta.persistence.*;
import java.time.Instant;
import java.util.*;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.*;

/** A standard in the catalog: one edition of one document, as its source describes it. */
@Entity
@Table(name = "standard")
@Indexed(index = "standard")
public class Standard {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @KeywordField(projectable = Projectable.YES)
    @Column(nullable = false)
    private String designation;

    @Column(name = "designation_key", nullable = false)
    private String designationKey;

    @Column(name = "work_key", nullable = false)
    private String workKey;

    @KeywordField(aggregable = Aggregable.YES)
    @Column(nullable = false)
    private String body;

    @KeywordField(aggregable = Aggregable.YES)
    @Column(nullable = false)
    private String prefix;

    @KeywordField(
            aggregable = Aggregable.YES,
            valueBridge =
                    @org.hibernate.search.mapper.pojo.bridge.mapping.annotation.ValueBridgeRef(
                            type = StandardKindBridge.class))
    @Convert(converter = StandardKindConverter.class)
    @Column(nullable = false)
    private StandardKind kind;

    @Column(name = "doc_number", nullable = false)
    private String number;

    @Column(name = "doc_part")
    private String part;

    @Column(name = "doc_year")
    private String year;

    @Column(name = "doc_type")
    private String docType;

    private String publisher;

    // highlights are made from the stored titles of the page alone (search.TitleHighlighter re-analyses them), so
    // the index keeps neither term vectors nor offsets for a highlighter: indexing the catalog costs much less
    @FullTextField(analyzer = "chinese", projectable = Projectable.YES, highlightable = Highlightable.NO)
    @FullTextField(name = "titleZhBigram", analyzer = "cjkBigram", highlightable = Highlightable.NO)
    @Column(name = "title_zh")
    private String titleZh;

    @FullTextField(analyzer = "english", projectable = Projectable.YES, highlightable = Highlightable.NO)
    // the words as written (no stemming): the title holding the typed wording ranks above one holding its stems
    @FullTextField(
            name = "titleEnWording",
            analyzer = "englishWording",
            highlightable = Highlightable.NO,
            norms = org.hibernate.search.engine.backend.types.Norms.NO)
    @Column(name = "title_en")
    private String titleEn;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES, indexNullAs = "unknown")
    private String status;

    @Column(name = "status_raw")
    private String statusRaw;

    @KeywordField(sortable = Sortable.YES, projectable = Projectable.YES)
    private String published;

    private String implemented;

    @Column(name = "implemented_note")
    private String implementedNote;

    private String withdrawn;

    @KeywordField(aggregable = Aggregable.YES)
    private String committee;

    private String category;

    @Column(nullable = false)
    private String source;

    @Column(name = "import_batch_id")
    private Long importBatchId;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    @ElementCollection
    @CollectionTable(name = "standard_ics", joinColumns = @JoinColumn(name = "standard_id"))
    @Column(name = "code")
    @OrderBy
    @KeywordField(projectable = Projectable.YES)
    private Set<String> ics = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "standard_ccs", joinColumns = @JoinColumn(name = "standard_id"))
    @Column(name = "code")
    @OrderBy
    @KeywordField(projectable = Projectable.YES)
    private Set<String> ccs = new TreeSet<>();

    @OneToMany(mappedBy = "standard", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<StandardRelation> relations = new ArrayList<>();

    @OneToMany(mappedBy = "standard", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Adoption> adoptions = new ArrayList<>();

    /** Chinese standards that adopt this (international) one. */
    @OneToMany(mappedBy = "internationalStandard")
    @AssociationInverseSide(inversePath = @ObjectPath(@PropertyValue(propertyName = "internationalStandard")))
    private List<Adoption> adoptedBy = new ArrayList<>();

    protected Standard() {}

    // --- derived index fields -------------------------------------------------------------

    /** Exact-match keys: compact designation, compact work, prefix+number, number, number+part. */
    @Transient
    @KeywordField(name = "designationKey")
    @IndexingDependency(
            derivedFrom = {
                @ObjectPath(@PropertyValue(propertyName = "designationKey")),
                @ObjectPath(@PropertyValue(propertyName = "workKey")),
                @ObjectPath(@PropertyValue(propertyName = "prefix")),
                @ObjectPath(@PropertyValue(propertyName = "number")),
                @ObjectPath(@PropertyValue(propertyName = "part"))
            })
    public Set<String> getDesignationKeys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(designationKey);
        keys.add(workKey);
        keys.add(compact(prefix) + number);
        keys.add(number);
        if (part != null) {
            keys.add(compact(number + part));
        }
        return keys;
    }

    /** Sort key that orders designations naturally (ISO 2 before ISO 10). */
    @Transient
    @KeywordField(name = "designationSort", sortable = Sortable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "designation")))
    public String getDesignationSort() {
        return naturalSortKey(designation);
    }

    /**
     * Editions that carry the same title (the Chinese one when there is one, else the English one, compared
     * without case and punctuation) form one group: a title search shows the first of a group before the
     * repeats of groups already shown. A 64-bit hash of the normalized title (0 without a title).
     */
    @Transient
    @GenericField(name = "titleGroup", sortable = Sortable.YES, projectable = Projectable.YES)
    @IndexingDependency(
            derivedFrom = {
                @ObjectPath(@PropertyValue(propertyName = "titleZh")),
                @ObjectPath(@PropertyValue(propertyName = "titleEn"))
            })
    public long getTitleGroup() {
        return org.stdhub.catalog.search.TitleGroup.of(titleZh, titleEn);
    }

    /** The elements of the titles ({@code TitleElements}): a text that is a whole element ranks that title higher. */
    @Transient
    @KeywordField(name = "titleElement", norms = org.hibernate.search.engine.backend.types.Norms.NO)
    @IndexingDependency(
            derivedFrom = {
                @ObjectPath(@PropertyValue(propertyName = "titleZh")),
                @ObjectPath(@PropertyValue(propertyName = "titleEn"))
            })
    public Set<String> getTitleElements() {
        return org.stdhub.catalog.search.TitleElements.of(titleZh, titleEn);
    }

    /** Amendments, corrigenda and other supplements rank below the document they supplement. */
    @Transient
    @GenericField(name = "supplement")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "designation")))
    public boolean isSupplement() {
        return Designation.tryParse(designation)
                .map(d -> !d.amendments().isEmpty())
                .orElse(false);
    }

    @Transient
    @GenericField(
            name = "publishedYear",
            aggregable = Aggregable.YES,
            sortable = Sortable.YES,
            projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "published")))
    public Integer getPublishedYear() {
        if (published == null || published.length() < 4) {
            return null;
        }
        return Integer.valueOf(published.substring(0, 4));
    }

    /** ICS codes with all their ancestors, for faceting and drill-down. */
    @Transient
    @KeywordField(name = "icsPath", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "ics")))
    public Set<String> getIcsPath() {
        Set<String> path = new TreeSet<>();
        for (String code : ics) {
            path.addAll(Classifications.icsAncestry(code));
        }
        return path;
    }

    /** CCS codes with their class letter and range, for faceting and drill-down. */
    @Transient
    @KeywordField(name = "ccsPath", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "ccs")))
    public Set<String> getCcsPath() {
        Set<String> path = new TreeSet<>();
        for (String code : ccs) {
            path.addAll(Classifications.ccsAncestry(code));
        }
        return path;
    }

    /** Chinese titles of the standards that adopt this one: Chinese search reaches ISO/IEC through them. */
    @Transient
    @FullTextField(name = "adoptedTitleZh", analyzer = "chinese")
    @FullTextField(name = "adoptedTitleZhBigram", analyzer = "cjkBigram")
    @IndexingDependency(
            derivedFrom = @ObjectPath({
                @PropertyValue(propertyName = "adoptedBy"),
                @PropertyValue(propertyName = "standard"),
                @PropertyValue(propertyName = "titleZh")
            }))
    public List<String> getAdoptedTitlesZh() {
        List<String> titles = new ArrayList<>();
        for (Adoption adoption : adoptedBy) {
            if (adoption.getStandard().getTitleZh() != null) {
                titles.add(adoption.getStandard().getTitleZh());
            }
        }
        return titles;
    }

    private static String compact(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    static String naturalSortKey(String designation) {
        StringBuilder out = new StringBuilder(designation.length() + 16);
        int i = 0;
        while (i < designation.length()) {
            char c = designation.charAt(i);
            if (Character.isDigit(c)) {
                int j = i;
                while (j < designation.length() && Character.isDigit(designation.charAt(j))) {
                    j++;
                }
                String digits = designation.substring(i, j);
                out.append("0".repeat(Math.max(0, 10 - digits.length()))).append(digits);
                i = j;
            } else {
                out.append(Character.toUpperCase(c));
                i++;
            }
        }
        return out.toString();
    }

    // --- accessors ------------------------------------------------------------------------

    public Long getId() {
        return id;
    }

    public String getDesignation() {
        return designation;
    }

    public String getDesignationKey() {
        return designationKey;
    }

    public String getWorkKey() {
        return workKey;
    }

    public String getBody() {
        return body;
    }

    public String getPrefix() {
        return prefix;
    }

    public StandardKind getKind() {
        return kind;
    }

    public String getNumber() {
        return number;
    }

    public String getPart() {
        return part;
    }

    public String getYear() {
        return year;
    }

    public String getDocType() {
        return docType;
    }

    public String getPublisher() {
        return publisher;
    }

    public String getTitleZh() {
        return titleZh;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public String getStatus() {
        return status;
    }

    public String getStatusRaw() {
        return statusRaw;
    }

    public String getPublished() {
        return published;
    }

    public String getImplemented() {
        return implemented;
    }

    /** What the source says about implementation when it gives no date (e.g. "together with GB 9706.1-2020"). */
    public String getImplementedNote() {
        return implementedNote;
    }

    public String getWithdrawn() {
        return withdrawn;
    }

    public String getCommittee() {
        return committee;
    }

    public String getCategory() {
        return category;
    }

    public String getSource() {
        return source;
    }

    public Long getImportBatchId() {
        return importBatchId;
    }

    public String getContentHash() {
        return contentHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The row's version: every change adds one (optimistic locking of hand edits). */
    public int getVersion() {
        return version;
    }

    public Set<String> getIcs() {
        return Collections.unmodifiableSet(ics);
    }

    public Set<String> getCcs() {
        return Collections.unmodifiableSet(ccs);
    }

    public List<StandardRelation> getRelations() {
        return Collections.unmodifiableList(relations);
    }

    public List<Adoption> getAdoptions() {
        return Collections.unmodifiableList(adoptions);
    }

    public List<Adoption> getAdoptedBy() {
        return Collections.unmodifiableList(adoptedBy);
    }
}
