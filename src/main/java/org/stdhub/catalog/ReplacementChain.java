package org.stdhub.catalog;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The standards reached from one standard along replacement relations in one direction (towards newer or towards
 * older editions), each with its smallest distance in hops. Walks stop at {@link #MAX_DEPTH} hops, which protects
 * against cycles in source data; the catalog walks chains in the database ({@link CatalogService#walk}) or in memory
 * over a graph read once ({@link #walk}), both with this cut-off.
 *
 * @param start the standard walked from (not part of {@code depths})
 * @param depths id of every standard reached → its smallest distance (1 = directly related)
 */
public record ReplacementChain(long start, Map<Long, Integer> depths) {

    /** Replacement chains longer than this are cut (protects against cycles in source data). */
    public static final int MAX_DEPTH = 50;

    public ReplacementChain {
        depths = Map.copyOf(depths);
    }

    public static ReplacementChain empty(long start) {
        return new ReplacementChain(start, Map.of());
    }

    /** Walks {@code graph} (id → ids one hop further) from {@code start}, breadth first. */
    public static ReplacementChain walk(Map<Long, ? extends Collection<Long>> graph, long start) {
        Map<Long, Integer> depth = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        queue.add(start);
        depth.put(start, 0);
        while (!queue.isEmpty()) {
            long id = queue.poll();
            int next = depth.get(id) + 1;
            if (next > MAX_DEPTH) {
                continue;
            }
            Collection<Long> nextHop = graph.get(id);
            for (long further : nextHop == null ? List.<Long>of() : nextHop) {
                if (!depth.containsKey(further)) {
                    depth.put(further, next);
                    queue.add(further);
                }
            }
        }
        depth.remove(start);
        return new ReplacementChain(start, depth);
    }

    public boolean isEmpty() {
        return depths.isEmpty();
    }

    public Set<Long> ids() {
        return depths.keySet();
    }

    public int depthOf(long id) {
        return depths.getOrDefault(id, -1);
    }

    /** The largest distance reached (0 when nothing was). */
    public int furthest() {
        return depths.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * What replaces the start today, of the standards of this (newer-bound) chain given in {@code reached}: those in
     * force; else, when {@code upcomingNext}, those about to be; else the last ones known (furthest away). Each group
     * is returned in {@code order}, or as given when {@code order} is null.
     *
     * <p>The validity check asks for upcoming standards before the last known ones (its verdict names what to use
     * next); the catalog's detail and the alerts name the last known standard instead, as they always did.
     */
    public <T> List<T> replacements(
            Collection<T> reached,
            ToLongFunction<T> id,
            Function<T, String> status,
            boolean upcomingNext,
            Comparator<T> order) {
        if (isEmpty()) {
            return List.of();
        }
        List<T> current = sorted(
                reached.stream()
                        .filter(s -> StandardStatus.CURRENT.is(status.apply(s)))
                        .toList(),
                order);
        if (!current.isEmpty()) {
            return current;
        }
        if (upcomingNext) {
            List<T> upcoming = sorted(
                    reached.stream()
                            .filter(s -> StandardStatus.UPCOMING.is(status.apply(s)))
                            .toList(),
                    order);
            if (!upcoming.isEmpty()) {
                return upcoming;
            }
        }
        int furthest = furthest();
        return sorted(
                reached.stream()
                        .filter(s -> depthOf(id.applyAsLong(s)) == furthest)
                        .toList(),
                order);
    }

    private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
        return order == null ? list : list.stream().sorted(order).toList();
    }

    /**
     * The recursive query of a chain in the database: one parameter, the start id (twice). Towards older editions
     * it follows the replacement edges from newer to older, else from older to newer. An edge is either side's record
     * (view {@code replacement_edge}: "older REPLACED_BY newer" or "newer REPLACES older").
     *
     * <p>The two databases want the step written differently. PostgreSQL builds the view (a {@code union}) whole at
     * every step of a recursive join (~25–100 ms a walk on the shipped catalog, measured under the load test), so
     * there the step reads {@code standard_relation} itself with both forms of an edge in one join, which it answers
     * from the indexes on {@code standard_id} and {@code target_id} (~0.1 ms). H2 answers that join with a scan of the
     * whole table at every step (seconds), and the view with its indexes: H2 keeps the view.
     */
    static String walkQuery(boolean towardsOlder, boolean postgres) {
        return postgres ? relationWalk(towardsOlder) : viewWalk(towardsOlder);
    }

    private static String viewWalk(boolean towardsOlder) {
        String from = towardsOlder ? "newer_id" : "older_id";
        String to = towardsOlder ? "older_id" : "newer_id";
        return "with recursive chain(id, depth) as ("
                + " select cast(? as bigint), 0"
                + " union"
                + " select e." + to + ", c.depth + 1 from replacement_edge e join chain c on e." + from + " = c.id"
                + " where c.depth < " + MAX_DEPTH
                + ") select id, min(depth) from chain where id <> ? group by id";
    }

    private static String relationWalk(boolean towardsOlder) {
        // REPLACED_BY: standard_id is the older edition, target_id the newer; REPLACES: the other way round
        String replacedBy = towardsOlder ? "target_id" : "standard_id";
        String replaces = towardsOlder ? "standard_id" : "target_id";
        String nextOfReplacedBy = towardsOlder ? "standard_id" : "target_id";
        String nextOfReplaces = towardsOlder ? "target_id" : "standard_id";
        return "with recursive chain(id, depth) as ("
                + " select cast(? as bigint), 0"
                + " union"
                + " select case when r.kind = 'REPLACED_BY' then r." + nextOfReplacedBy + " else r." + nextOfReplaces
                + " end, c.depth + 1 from chain c join standard_relation r"
                + " on (r.kind = 'REPLACED_BY' and r." + replacedBy + " = c.id)"
                + " or (r.kind = 'REPLACES' and r." + replaces + " = c.id)"
                + " where r.target_id is not null and c.depth < " + MAX_DEPTH
                + ") select id, min(depth) from chain where id <> ? group by id";
    }
}
