/**
 * Programme: base management by contract (合同制管理). Contracts with the building units, tasks and deliverables,
 * funding tranches tied to accepted tasks (four-eyes approval), annual targets and indicators counted from the other
 * modules' events, evaluations, construction phases, committees, bulletins and subsidy claims. The root package is
 * the module's API; sub-packages are its internals, {@code web} its pages and JSON API.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Programme",
        allowedDependencies = {
            "platform",
            "identity",
            "audit",
            "catalog",
            "development",
            "verification",
            "talent",
            "consulting"
        })
package org.stdhub.programme;
