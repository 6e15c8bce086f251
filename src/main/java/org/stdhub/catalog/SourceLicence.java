package org.stdhub.catalog;

/** The licence of each shipped data source (see seed/SOURCES.md), shown with every record. */
enum SourceLicence {
    RELATON_ISO(
            "relaton/relaton-data-iso",
            "none stated",
            "Metadata crawled from iso.org by the Relaton project; no licence stated."),
    RELATON_IEC(
            "relaton/relaton-data-iec",
            "none stated",
            "Metadata crawled from webstore.iec.ch by the Relaton project; no licence stated."),
    NMPA(
            "RASAAS/docmcp-knowledge",
            "CC BY 4.0",
            "© 2026 RASAAS, Creative Commons Attribution 4.0; from the NIFDC catalogue."),
    RELATON_GB("relaton/relaton-gb", "BSD-2-Clause", "© 2018 Ribose, BSD 2-Clause."),
    ZEROCARBON(
            "tang730125633/dai-zerocarbon-kb",
            "none stated",
            "Public catalogue facts compiled April 2026; no licence stated."),
    SIMPLESTDCN(
            "RyanHaoo/SimpleStdCN",
            "Apache-2.0",
            "Apache License 2.0; 2014 national engineering construction standards list."),
    LDASSISTANT(
            "luoda2023/LDAssistant",
            "none stated",
            "Catalogue facts scraped from csres.com, biaozhun.org and openstd.samr.gov.cn (LDAssistant data,"
                    + " truncated snapshot of 2026-07); no licence stated: test/demo data."),
    STANDARD_SCRAPTING(
            "laokevincn/standard_scrapting",
            "none stated",
            "Catalogue facts scraped from csres.com (Standard Explorer, March 2026); no licence stated: test/demo"
                    + " data."),
    OTHER("", "see source", "Imported by an operator; see the source field.");

    private final String repository;
    private final String licence;
    private final String note;

    SourceLicence(String repository, String licence, String note) {
        this.repository = repository;
        this.licence = licence;
        this.note = note;
    }

    static SourceLicence of(String source) {
        if (source != null) {
            for (SourceLicence l : values()) {
                if (!l.repository.isEmpty() && source.contains(l.repository)) {
                    return l;
                }
            }
        }
        return OTHER;
    }

    String licence() {
        return licence;
    }

    String note() {
        return note;
    }
}
