package org.stdhub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeTests {

    @Test
    void realCodesAreValid() {
        assertThat(UnifiedSocialCreditCode.isValid("914403001922038216")).isTrue(); // 华为技术有限公司
        assertThat(UnifiedSocialCreditCode.isValid("91110000802100433B")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid(" 91110000802100433b ")).isTrue();
    }

    @Test
    void wrongCheckCharacterLengthOrAlphabetIsInvalid() {
        assertThat(UnifiedSocialCreditCode.isValid("914403001922038217")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("91440300192203821")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("9144030019220382I6")).isFalse(); // I is not in the alphabet
        assertThat(UnifiedSocialCreditCode.isValid(null)).isFalse();
    }

    @Property
    void theCheckCharacterMakesAnyPrefixValidAndCatchesOneChangedDigit(
            @ForAll @StringLength(17) @NumericChars String prefix,
            @ForAll @CharRange(from = '0', to = '9') char other) {
        String code = prefix + UnifiedSocialCreditCode.checkCharacter(prefix);
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
        String changed = other + code.substring(1);
        if (other != code.charAt(0)) {
            assertThat(UnifiedSocialCreditCode.isValid(changed)).isFalse();
        }
    }
}
