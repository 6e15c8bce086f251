package org.stdhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;

/**
 * Every scheduled job of StdHub runs on one instance at a time: each {@code @Scheduled} method also carries
 * {@code @SchedulerLock} with a name of its own, a bound on how long a dead instance holds the lock, and the shared
 * least lock time (so that instances firing the same tick a moment apart run it once).
 */
class ScheduledJobLocksTests {

    @Test
    void everyScheduledMethodHoldsALockOfItsOwn() throws Exception {
        List<Method> scheduled = scheduledMethods();
        assertThat(scheduled)
                .as(
                        "the jobs found (ImportFolder, NotificationSender, DevelopmentDeadlines, EnquiryReminders, AlertMail)")
                .hasSizeGreaterThanOrEqualTo(5);
        Set<String> names = new HashSet<>();
        for (Method method : scheduled) {
            SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
            assertThat(lock).as("@SchedulerLock on " + method).isNotNull();
            assertThat(names.add(lock.name()))
                    .as("lock name of its own: " + lock.name())
                    .isTrue();
            assertThat(Duration.parse(lock.lockAtMostFor()))
                    .as("a dead instance frees the lock of " + method)
                    .isBetween(Duration.ofMinutes(1), Duration.ofHours(1));
            assertThat(lock.lockAtLeastFor()).isEqualTo("${stdhub.scheduling.lock-at-least-for:PT30S}");
            assertThat(method.getReturnType())
                    .as("a skipped run returns nothing: " + method)
                    .isEqualTo(void.class);
        }
    }

    static List<Method> scheduledMethods() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*")));
        List<Method> methods = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.stdhub")) {
            Class<?> type =
                    ClassUtils.forName(definition.getBeanClassName(), ScheduledJobLocksTests.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class)) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }
}
