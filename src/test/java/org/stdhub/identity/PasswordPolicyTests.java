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

    /** bcrypt reads 72 bytes: the limit is on UTF-8 bytes, not characters (a Chinese character takes three). */
    @Test
    void refusesPasswordsLongerThanBcryptReads() {
        assertThat(PasswordPolicy.problem("Aa1-" + "x".repeat(68), "zhangsan")).isNull();
        assertThat(PasswordPolicy.problem("Aa1-" + "x".repeat(69), "zhangsan")).isEqualTo("password.error.too-long");
        assertThat(PasswordPolicy.problem("Aa1" + "长".repeat(23), "zhangsan")).isNull();
        assertThat(PasswordPolicy.problem("Aa1" + "长".repeat(24), "zhangsan")).isEqualTo("password.error.too-long");
    }
}
