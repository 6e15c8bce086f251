package org.stdhub.consulting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdhub.consulting.declaration.DeclarationStore;

/**
 * The front-runner (领跑者) comparison of a product class: the performance indicators declared with enterprise
 * standards, side by side, ranked per indicator.
 *
 * <p>Ranking method (shown on the page): declarations are compared per indicator — the same name, unit and
 * direction (an indicator declared with another unit or direction is a separate indicator, never converted). Values
 * are ordered best first: the highest first when higher is better, the lowest first when lower is better. Equal
 * values share a rank, and the next value's rank counts every declaration before it (standard competition ranking,
 * "1, 2, 2, 4"). Rank 1 is the front-runner of that indicator; several front-runners tie.
 */
@Service
@Transactional(readOnly = true)
public class FrontRunners {

    private final DeclarationStore store;

    FrontRunners(DeclarationStore store) {
        this.store = store;
    }

    /** The comparison of one indicator: its entries best first. */
    public record Ranking(String indicator, String unit, IndicatorDirection direction, List<Entry> entries) {

        /** The entries ranked first (several when tied). */
        public List<Entry> frontRunners() {
            return entries.stream().filter(e -> e.rank() == 1).toList();
        }
    }

    /**
     * One declaration's value of the indicator.
     *
     * @param tied whether another declaration has the same value (and so the same rank)
     */
    public record Entry(
            int rank,
            boolean tied,
            long declarationId,
            String organizationName,
            String product,
            String standard,
            BigDecimal value,
            boolean demo) {}

    /** The product classes declared so far, with how many declarations each. */
    public Map<String, Integer> productClasses() {
        return store.productClasses();
    }

    public List<Ranking> compare(String productClass) {
        if (productClass == null || productClass.isBlank()) {
            return List.of();
        }
        Map<List<Object>, List<DeclarationStore.ClassIndicator>> byIndicator = new LinkedHashMap<>();
        for (DeclarationStore.ClassIndicator i : store.indicatorsOfClass(productClass.strip())) {
            List<Object> key = java.util.Arrays.asList(i.name(), i.unit() == null ? "" : i.unit(), i.direction());
            byIndicator.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<Ranking> rankings = new ArrayList<>();
        byIndicator.forEach((key, values) -> {
            IndicatorDirection direction = (IndicatorDirection) key.get(2);
            rankings.add(
                    new Ranking((String) key.get(0), values.getFirst().unit(), direction, rank(values, direction)));
        });
        return rankings;
    }

    /** Standard competition ranking ("1, 2, 2, 4"), best first by the direction; ties share a rank. */
    static List<Entry> rank(List<DeclarationStore.ClassIndicator> values, IndicatorDirection direction) {
        Comparator<DeclarationStore.ClassIndicator> byValue =
                Comparator.comparing(DeclarationStore.ClassIndicator::value);
        List<DeclarationStore.ClassIndicator> sorted = new ArrayList<>(values);
        sorted.sort((direction == IndicatorDirection.HIGHER ? byValue.reversed() : byValue)
                .thenComparing(DeclarationStore.ClassIndicator::organizationName)
                .thenComparingLong(DeclarationStore.ClassIndicator::declarationId));
        List<Entry> entries = new ArrayList<>(sorted.size());
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            DeclarationStore.ClassIndicator v = sorted.get(i);
            if (i == 0 || sorted.get(i - 1).value().compareTo(v.value()) != 0) {
                rank = i + 1;
            }
            final int position = i;
            boolean tied = sorted.stream()
                    .filter(o -> o != sorted.get(position))
                    .anyMatch(o -> o.value().compareTo(v.value()) == 0);
            entries.add(new Entry(
                    rank,
                    tied,
                    v.declarationId(),
                    v.organizationName(),
                    v.product(),
                    Objects.requireNonNullElse(v.standard(), ""),
                    v.value().stripTrailingZeros(),
                    v.demo()));
        }
        return entries;
    }
}
