package org.stdhub.talent;

/**
 * Who may enter the expert database (招标投标法 第三十七条): at least {@code minYears} years in the field and a senior
 * title, or an equivalent professional level the base office accepts.
 */
public record Qualification(int minYears) {

    public boolean met(Title title, boolean equivalentLevel, int yearsInField) {
        return yearsInField >= minYears && (title.senior() || equivalentLevel);
    }
}
