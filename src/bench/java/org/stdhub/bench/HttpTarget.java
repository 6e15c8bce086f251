package org.stdhub.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** StdHub's search API over HTTP/1.1 on loopback (keep-alive), the whole JSON body received. */
final class HttpTarget implements SearchTarget {

    private final HttpClient client;
    private final String base;
    private final String name;
    private final JsonMapper mapper = JsonMapper.builder().build();

    HttpTarget(int port, String name) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = "http://127.0.0.1:" + port + "/api/v1/standards/search?size=10&q=";
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object execute(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "HTTP " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    @Override
    public List<Row> rows(Object result) {
        JsonNode body = mapper.readTree((byte[]) result);
        List<Row> rows = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            rows.add(new Row(text(item, "designation"), text(item, "titleZh"), text(item, "titleEn")));
        }
        return rows;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    @Override
    public void close() {
        client.close();
    }
}
