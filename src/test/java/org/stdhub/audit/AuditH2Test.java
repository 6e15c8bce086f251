package org.stdhub.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.stdhub.identity.IdentityTest;

/**
 * An audit test on embedded H2 without the catalog seed (fast), in the identity tests' application context (the same
 * configuration, so no context of its own): the audit chain there holds what every test of that context recorded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IdentityTest
@interface AuditH2Test {}
