package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every message exists in Chinese and in English, and none is empty. */
class MessagesTests {

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages", "i18n/designation"})
    void everyKeyExistsInBothLanguages(String basename) throws IOException {
        Properties zh = load(basename + "_zh_CN.properties");
        Properties en = load(basename + "_en.properties");
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        assertThat(onlyZh).as("keys missing in English").isEmpty();
        assertThat(onlyEn).as("keys missing in Chinese").isEmpty();
        zh.forEach((k, v) -> assertThat(v.toString()).as("zh " + k).isNotBlank());
        en.forEach((k, v) -> assertThat(v.toString()).as("en " + k).isNotBlank());
        assertThat(zh).isNotEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
