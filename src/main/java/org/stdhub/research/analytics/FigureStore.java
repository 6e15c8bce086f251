package org.stdhub.research.analytics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stdhub.research.Figure;

/** The research read model's figures: replaced whole, per source, in one transaction; read by figure. */
@Repository
public class FigureStore {

    private final JdbcClient sql;
    private final JdbcTemplate jdbc;

    FigureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
    }

    /** Replaces the rows of {@code figures} and records the refresh of {@code source}. Call in a transaction. */
    public void replace(String source, String trigger, Instant at, Map<String, List<Figure.Row>> figures) {
        for (var e : figures.entrySet()) {
            sql.sql("delete from research_figure where figure = ?")
                    .param(e.getKey())
                    .update();
            jdbc.batchUpdate(
                    "insert into research_figure (figure, item_key, item_value, item_extra) values (?, ?, ?, ?)",
                    e.getValue().stream()
                            .map(r -> new Object[] {e.getKey(), r.key(), r.value(), r.extra()})
                            .toList());
        }
        refreshed(source, trigger, at);
    }

    /** Records that {@code source} refreshed its figures at {@code at}, because of {@code trigger}. */
    public void refreshed(String source, String trigger, Instant at) {
        int updated = sql.sql("update research_refresh set refreshed_at = ?, trigger_ref = ? where source = ?")
                .params(Timestamp.from(at), trigger, source)
                .update();
        if (updated == 0) {
            sql.sql("insert into research_refresh (source, refreshed_at, trigger_ref) values (?, ?, ?)")
                    .params(source, Timestamp.from(at), trigger)
                    .update();
        }
    }

    /** When {@code source} last refreshed, if ever. */
    public Optional<Instant> refreshedAt(String source) {
        return sql.sql("select refreshed_at from research_refresh where source = ?")
                .param(source)
                .query((rs, i) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** The rows of {@code figure} in key order. */
    public List<Figure.Row> rows(String figure) {
        return sql.sql(
                        "select item_key, item_value, item_extra from research_figure where figure = ? order by item_key")
                .param(figure)
                .query((rs, i) -> new Figure.Row(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3, Long.class)))
                .list();
    }

    /** The rows of every figure whose name starts with {@code prefix}, by figure. */
    public Map<String, List<Figure.Row>> rowsOf(String prefix) {
        return sql
                .sql("select figure, item_key, item_value, item_extra from research_figure where figure like ?"
                        + " order by figure, item_key")
                .param(prefix + "%")
                .query((rs, i) -> Map.entry(rs.getString(1), new Figure.Row(rs.getString(2), rs.getLong(3), (Long)
                        rs.getObject(4, Long.class))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey,
                        java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
