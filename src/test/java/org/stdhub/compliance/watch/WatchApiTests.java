package org.stdhub.compliance.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.jayway.jsonpath.JsonPath;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdhub.CatalogTest;
import org.stdhub.identity.Accounts;
import org.stdhub.identity.ApiTokens;
import org.stdhub.identity.Principals;

/**
 * The watchlist and alert API does everything the pages do (items, rename, digest, feed secret, reading alerts)
 * under the same rules: another person's list or alert is refused, a read-only token changes nothing.
 */
@CatalogTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    Principals principals;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AlertStore store;

    @Autowired
    TransactionTemplate tx;

    String owner;
    String stranger;
    String readOnly;

    @BeforeAll
    void people() {
        owner = WatchFixtures.person(accounts, "wa");
        stranger = WatchFixtures.person(accounts, "wb");
        WatchFixtures.signIn(principals, owner);
        readOnly = tokens.create(owner, "read", Set.of("read"), 1).secret();
        WatchFixtures.signOut();
    }

    private RequestPostProcessor as(String login) {
        return user(principals.principal(login, Set.of()).orElseThrow());
    }

    private static String body(MvcTestResult r) {
        try {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcTestResult send(String method, String login, String uri, String json) {
        var request = switch (method) {
            case "POST" -> mvc.post().uri(uri);
            case "PATCH" -> mvc.patch().uri(uri);
            case "DELETE" -> mvc.delete().uri(uri);
            default -> mvc.get().uri(uri);
        };
        request = request.with(as(login)).with(csrf());
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request.exchange();
    }

    private long newList(String login) {
        MvcTestResult created = send("POST", login, "/api/v1/watchlists", """
                {"name":"接口清单","designations":["GB/T 19001-2016"]}""");
        assertThat(created).hasStatus(HttpStatus.CREATED);
        return ((Number) JsonPath.read(body(created), "$.id")).longValue();
    }

    @Test
    void theOwnerDoesThroughTheApiWhatThePageDoes() {
        long list = newList(owner);
        MvcTestResult added = send("POST", owner, "/api/v1/watchlists/" + list + "/items", """
                {"kind":"ICS","value":"03.120.10"}""");
        assertThat(added).hasStatus(HttpStatus.CREATED);
        assertThat(body(added)).contains("03.120.10");
        assertThat(send("POST", owner, "/api/v1/watchlists/" + list + "/items", """
                        {"kind":"STANDARD","value":"no designation at all"}"""))
                .hasStatus(HttpStatus.BAD_REQUEST);

        MvcTestResult changed = send("PATCH", owner, "/api/v1/watchlists/" + list, """
                {"name":"改名后的清单","digest":"NONE"}""");
        assertThat(changed).hasStatusOk();
        assertThat(body(changed)).contains("改名后的清单").contains("\"digest\":\"NONE\"");
        assertThat(send("PATCH", owner, "/api/v1/watchlists/" + list, """
                        {"name":"  "}""")).hasStatus(HttpStatus.BAD_REQUEST);

        String detail = body(send("GET", owner, "/api/v1/watchlists/" + list, null));
        List<Number> itemIds = JsonPath.read(detail, "$.items[*].id");
        assertThat(itemIds).hasSize(2);
        assertThat(send("DELETE", owner, "/api/v1/watchlists/" + list + "/items/" + itemIds.getFirst(), null))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(send("DELETE", owner, "/api/v1/watchlists/" + list + "/items/999999999", null))
                .hasStatus(HttpStatus.NOT_FOUND);

        String feed = JsonPath.read(
                body(send("POST", owner, "/api/v1/watchlists/" + list + "/feed-token", null)), "$.feedUrl");
        assertThat(feed).contains("/feeds/watchlists/" + list + "/");
        assertThat(mvc.get().uri(feed.substring(feed.indexOf("/feeds/")))).hasStatusOk();

        long[] alertIds = alerts(list, 3);
        assertThat(send("POST", owner, "/api/v1/alerts/" + alertIds[0] + "/read", null))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat((Integer) JsonPath.read(
                        body(send("POST", owner, "/api/v1/watchlists/" + list + "/alerts/read", null)), "$.read"))
                .isEqualTo(2);
        alerts(list, 1);
        // all the owner's unread alerts: this list's one, and any of the owner's other lists
        assertThat((Integer) JsonPath.read(body(send("POST", owner, "/api/v1/alerts/read", null)), "$.read"))
                .isPositive();
        assertThat((Integer) JsonPath.read(body(send("POST", owner, "/api/v1/alerts/read", null)), "$.read"))
                .isZero();
        assertThat(send("DELETE", owner, "/api/v1/watchlists/" + list, null)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(send("GET", owner, "/api/v1/watchlists/" + list, null)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherPersonsListAndAlertsAreRefusedAndAReadOnlyTokenChangesNothing() {
        long list = newList(owner);
        long alert = alerts(list, 1)[0];
        String items = "/api/v1/watchlists/" + list + "/items";
        assertThat(send("POST", stranger, items, """
                        {"kind":"ICS","value":"03.120.10"}""")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("PATCH", stranger, "/api/v1/watchlists/" + list, """
                        {"name":"别人的"}""")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", stranger, "/api/v1/watchlists/" + list + "/feed-token", null))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", stranger, "/api/v1/watchlists/" + list + "/alerts/read", null))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", stranger, "/api/v1/alerts/" + alert + "/read", null))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("DELETE", stranger, "/api/v1/watchlists/" + list, null)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(send("POST", owner, "/api/v1/watchlists/999999999/items", """
                        {"kind":"ICS","value":"03.120.10"}"""))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(send("POST", owner, "/api/v1/alerts/999999999/read", null)).hasStatus(HttpStatus.NOT_FOUND);
        // the stranger's read-all reads nothing of the owner's
        send("POST", stranger, "/api/v1/alerts/read", null);

        assertThat(mvc.get().uri("/api/v1/watchlists/" + list).header("Authorization", "Bearer " + readOnly))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri(items)
                        .header("Authorization", "Bearer " + readOnly)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"ICS\",\"value\":\"03.120.10\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/api/v1/alerts/read").header("Authorization", "Bearer " + readOnly))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.patch()
                        .uri("/api/v1/watchlists/" + list)
                        .header("Authorization", "Bearer " + readOnly)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"只读\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/watchlists")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);

        WatchFixtures.signIn(principals, owner);
        try {
            assertThat(store.ofList(list, 5)).allMatch(Alert::unread);
        } finally {
            WatchFixtures.signOut();
        }
    }

    /** Raises {@code n} alerts on the list (as an import would) and returns their ids. */
    private long[] alerts(long list, int n) {
        String dedup = "api-test:" + System.nanoTime() + ":";
        List<Alert.New> raised = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            raised.add(new Alert.New(
                    list,
                    dedup + i,
                    AlertKind.STATUS_CHANGED,
                    "GB/T 19001-2016",
                    null,
                    List.of("current", "withdrawn")));
        }
        tx.executeWithoutResult(s -> store.raise(raised, Instant.now()));
        return store.ofList(list, 50).stream()
                .filter(Alert::unread)
                .mapToLong(Alert::id)
                .limit(n)
                .toArray();
    }
}
