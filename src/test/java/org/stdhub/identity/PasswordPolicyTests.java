package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.problem("Tea-Garden-2026", "zhangsan")).isNull();
    }

    @Test
    void refusesShortFewClassesLoginAndCommonPasswords() {
        assertThat(PasswordPolicy.problem("Ab1!", "x")).isEqualTo("password.error.too-short");
        assertThat(PasswordPolicy.problem("alllowercaseletters", "x")).isEqualTo("password.error.classes");
        assertThat(PasswordPolicy.problem("Zhangsan-2026", "zhangsan")).isEqualTo("password.error.contains-login");
        assertThat(PasswordPolicy.problem("Password123", "x")).isEqualTo("password.error.common");
    }

    @Test
    void generatedPasswordsPass() {
        for (int i = 0; i < 100; i++) {
            assertThat(PasswordPolicy.problem(Secrets.newPassword(), "admin")).isNull();
        }
    }
}
