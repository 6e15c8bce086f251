package org.stdhub.catalog.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.stdhub.catalog.Designation;
import org.stdhub.catalog.DesignationFlag;

/** JSON form of a parsed designation. */
record DesignationView(
        String normalized,
        String body,
        String prefix,
        String kind,
        String number,
        String part,
        String year,
        List<Amendment> amendments,
        String type,
        String stage,
        List<String> languages,
        Integer edition,
        String iteration,
        String sheet,
        String month,
        String dualIdentifier,
        boolean consolidated,
        Set<String> flags) {

    record Amendment(String kind, String number, String year) {}

    static DesignationView of(Designation d) {
        return new DesignationView(
                d.normalized(),
                d.body(),
                d.prefix(),
                d.kind().code(),
                d.number(),
                d.part(),
                d.year(),
                d.amendments().stream()
                        .map(a -> new Amendment(
                                String.valueOf(a.kind()),
                                a.number() == null ? null : String.valueOf(a.number()),
                                a.year()))
                        .toList(),
                d.type(),
                d.stage(),
                d.languages(),
                d.edition(),
                d.iteration(),
                d.sheet(),
                d.month(),
                d.dualIdentifier(),
                d.consolidated(),
                d.flags().stream().map(DesignationFlag::name).collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}
