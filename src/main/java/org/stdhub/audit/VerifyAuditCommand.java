package org.stdhub.audit;

import java.util.List;
import org.springframework.stereotype.Component;
import org.stdhub.platform.StdHubCommand;

/** {@code verify-audit}: recomputes the audit hash chain; exit 1 and the first broken entry if it is broken. */
@Component
class VerifyAuditCommand implements StdHubCommand {

    private final ChainVerifier verifier;

    VerifyAuditCommand(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return "verify-audit";
    }

    @Override
    public String usage() {
        return "verify-audit      check the audit trail's hash chain and name the first broken entry";
    }

    @Override
    public int run(List<String> args) {
        ChainVerification result = verifier.verify();
        if (result.ok()) {
            System.out.println("audit chain OK: " + result.entries() + " entries");
            return 0;
        }
        System.out.println("audit chain BROKEN at entry seq=" + result.brokenSeq() + ": " + result.detail());
        return 1;
    }
}
