/**
 * Audit: the append-only, hash-chained log of every state change. It listens to {@code platform.StateChanged}
 * (published by every module in the changing transaction) and needs no other module; {@code web} holds the
 * administrator's log page and the per-object history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "platform")
package org.stdhub.audit;
