package org.stdhub.programme;

/**
 * How a tranche's amount follows from the contract: in full, scaled by the achievement of an indicator (actual ÷
 * target, kept between a floor and a cap), or withheld (nothing paid).
 */
public enum AmountRule {
    FULL,
    SCALED,
    WITHHELD;

    public String messageKey() {
        return "programme.amount-rule." + name();
    }
}
