package io.baseplane.cli.deadletters;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What retry and evict share: which dead letters, and why. */
// Not an AuditedAction: picocli declares a superclass's options first, and a usage error names the missing ones in
// that order; here --processor comes before --reason.
abstract class DeadLetterAction extends ApiCall {

    @Option(names = "--processor", required = true, paramLabel = "P", description = "The processor.")
    private String processor;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--reason", required = true, description = "Why, for the audit trail.")
    private String reason;

    protected final ApiResponse post(String path) {
        return api().post(path, new DeadLetterRequest(processor, target.group, target.sequence, target.entry, reason));
    }

    static final class Target {
        @Option(names = "--group", required = true, paramLabel = "G", description = "Every letter of this group.")
        String group;

        @Option(names = "--sequence", required = true, paramLabel = "S",
                description = "Every letter of this sequence.")
        String sequence;

        @Option(names = "--entry", required = true, paramLabel = "E", description = "This one letter.")
        String entry;
    }
}
