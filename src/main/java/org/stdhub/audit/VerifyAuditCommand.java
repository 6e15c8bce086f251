package org.stdhub.audit;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import org.stdhub.platform.OperatorCommandLine;
import org.stdhub.platform.StdHubCommand;
import picocli.CommandLine.Command;

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
        return OperatorCommandLine.execute(new Verify(), args);
    }

    @Command(
            name = "verify-audit",
            description = {
                "Recomputes the audit trail's hash chain.",
                "Prints 'audit chain OK: N entries' (exit 0) or the first broken entry (exit 1)."
            })
    final class Verify implements Callable<Integer> {

        @Override
        public Integer call() {
            ChainVerification result = verifier.verify();
            if (result.ok()) {
                System.out.println("audit chain OK: " + result.entries() + " entries");
                return 0;
            }
            System.out.println("audit chain BROKEN at entry seq=" + result.brokenSeq() + ": " + result.detail());
            return 1;
        }
    }
}
