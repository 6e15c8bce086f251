package org.stdhub.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compliance reads the catalog through its API ({@code org.stdhub.catalog}), never its tables: no string in
 * compliance's sources names one of the catalog's tables or views.
 */
class ComplianceReadsNoCatalogTableTests {

    private static final Path SOURCES = Path.of("src/main/java/org/stdhub/compliance");

    /** The catalog's tables and views (V1, V4), as SQL would name them. */
    private static final Pattern CATALOG_TABLE = Pattern.compile(
            "(?i)\\b(standard|standard_change|standard_ics|standard_ccs|standard_relation|standard_adoption"
                    + "|replacement_edge|import_batch|import_problem|ics_class|ccs_class)\\b");

    /** Words that put a table name in SQL. */
    private static final Pattern SQL = Pattern.compile("(?i)\\b(from|join|into|update|table)\\s+([a-z_]+)");

    /** Names no other table shares, wherever they stand in a string. */
    private static final Pattern NAMED_ANYWHERE = Pattern.compile(
            "(?i)\\b(standard_change|standard_ics|standard_ccs|standard_relation|standard_adoption|replacement_edge"
                    + "|import_batch|import_problem|ics_class|ccs_class)\\b");

    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void noStringInComplianceNamesACatalogTable() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher literal = STRING_LITERAL.matcher(text);
                while (literal.find()) {
                    String s = literal.group(1);
                    Matcher sql = SQL.matcher(s);
                    while (sql.find()) {
                        if (CATALOG_TABLE.matcher(sql.group(2)).matches()) {
                            offences.add(file.getFileName() + ": \"" + s + "\"");
                        }
                    }
                    if (NAMED_ANYWHERE.matcher(s).find()) {
                        offences.add(file.getFileName() + ": \"" + s + "\"");
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckFindsSqlOnACatalogTable() {
        // the rule itself can fail: it recognises what AlertRaiser used to run
        String old = "select c.id from standard_change c join standard s on s.id = c.standard_id";
        Matcher sql = SQL.matcher(old);
        boolean found = false;
        while (sql.find()) {
            found |= CATALOG_TABLE.matcher(sql.group(2)).matches();
        }
        assertThat(found).isTrue();
        assertThat(NAMED_ANYWHERE
                        .matcher("join replacement_edge e on e.newer_id = ch.sid")
                        .find())
                .isTrue();
        assertThat(NAMED_ANYWHERE
                        .matcher("select a.standard_designation from alert a")
                        .find())
                .isFalse();
    }
}
