package org.stdhub.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method whose work is expensive (exports of thousands of rows, validity checks): each call is
 * admitted by {@link ExpensiveRequests} first, and refused with 429 and {@code Retry-After} when the caller has
 * used up its allowance.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {}
