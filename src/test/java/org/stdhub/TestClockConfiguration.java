package org.stdhub;

import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Found by the application's component scan in every test context (it lives in {@code src/test}, so {@code
 * spring-boot:run} and the jar never see it): the application's {@link java.time.Clock} becomes a {@link
 * MutableClock} that tests may move. No test context is created for it, so the context cache is unchanged.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(ZoneId.systemDefault());
    }
}
