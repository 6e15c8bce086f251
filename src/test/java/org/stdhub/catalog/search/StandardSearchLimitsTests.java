package org.stdhub.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.stdhub.catalog.InvalidSearchException;
import org.stdhub.catalog.StandardSearchQuery;

/** A search text Lucene cannot run is the person's bad {@code q}, not a server error. */
class StandardSearchLimitsTests {

    @Test
    void tooManyClausesFromLuceneBecomeABadQueryParameter() {
        assertThatThrownBy(() -> StandardSearch.refusingTooComplex(() -> {
                    throw new IllegalStateException("wrapped", new IndexSearcher.TooManyClauses());
                }))
                .isInstanceOfSatisfying(
                        InvalidSearchException.class,
                        e -> assertThat(e.parameter()).isEqualTo("q"));
        assertThatThrownBy(() -> StandardSearch.refusingTooComplex(() -> {
                    throw new IllegalStateException("another failure");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(StandardSearch.refusingTooComplex(() -> "ok")).isEqualTo("ok");
    }

    @Test
    void textsOfHundredsOfWordsAreRefusedBeforeSearching() {
        assertThatThrownBy(() -> StandardSearchQuery.of("a+".repeat(200) + "a").validated())
                .isInstanceOfSatisfying(
                        InvalidSearchException.class,
                        e -> assertThat(e.parameter()).isEqualTo("q"));
        assertThatThrownBy(() ->
                        StandardSearchQuery.of("a AND a OR ".repeat(45) + "a").validated())
                .isInstanceOf(InvalidSearchException.class);
        assertThat(StandardSearchQuery.of("medical devices quality management systems requirements")
                        .validated()
                        .q())
                .isNotEmpty();
    }

    @Test
    void pagesBeyondTenThousandResultsAreRefused() {
        assertThatThrownBy(() -> StandardSearchQuery.of("x").withPage(100, 100).validated())
                .isInstanceOfSatisfying(
                        InvalidSearchException.class,
                        e -> assertThat(e.parameter()).isEqualTo("page"));
        assertThatThrownBy(() -> StandardSearchQuery.of("x")
                        .withPage(Integer.MAX_VALUE, 100)
                        .validated())
                .isInstanceOf(InvalidSearchException.class);
        assertThat(StandardSearchQuery.of("x").withPage(99, 100).validated().page())
                .isEqualTo(99);
    }
}
