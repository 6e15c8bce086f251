package org.stdhub.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * StdHub's search API over HTTP/1.1 on loopback (keep-alive), the whole JSON body received. The client is Apache
 * HttpClient 5's classic (blocking) one: the calling thread writes the request and reads the response itself.
 * (The JDK's {@code java.net.http} client, used until 2026-11-30, hands every exchange to its selector thread and
 * back; in the bench's JVM, on 2 cores, that added about 2 ms per request that the server never spent — an
 * external client measured the server's own HTTP work at ~0.35 ms, see docs/benchmarks.md.) No
 * {@code Accept-Encoding}: the response is not compressed, as before.
 */
final class HttpTarget implements SearchTarget {

    private final CloseableHttpClient client;
    private final String base;
    private final String name;
    private final JsonMapper mapper = JsonMapper.builder().build();

    HttpTarget(int port, String name) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(4)
                        .setMaxConnTotal(4)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofSeconds(60))
                        .build())
                .disableContentCompression()
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
        HttpGet get = new HttpGet(base + URLEncoder.encode(query, StandardCharsets.UTF_8));
        get.addHeader("Accept", "application/json");
        return client.execute(get, response -> {
            byte[] body = EntityUtils.toByteArray(response.getEntity());
            if (response.getCode() != 200) {
                throw new IllegalStateException(
                        "HTTP " + response.getCode() + ": " + new String(body, StandardCharsets.UTF_8));
            }
            return body;
        });
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
    public void close() throws Exception {
        client.close();
    }
}
