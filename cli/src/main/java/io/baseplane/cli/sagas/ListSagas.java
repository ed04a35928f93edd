package io.baseplane.cli.sagas;

import io.baseplane.cli.ApiCall;
import io.baseplane.cli.http.ApiResponse;
import io.baseplane.cli.http.Urls;
import io.baseplane.cli.text.Text;
import io.baseplane.cli.text.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baseplane sagas list [--stuck] [--type T] [--status S] [--tenant ID]}, one page at a time. */
@Command(name = "list", description = "List saga instances, longest without progress first.")
final class ListSagas extends ApiCall {

    private static final int ERROR_WIDTH = 50;

    @Option(names = "--stuck", description = "Only those retrying, parked, or without progress for too long.")
    private boolean stuck;

    @Option(names = "--type", paramLabel = "T", description = "Only this saga type.")
    private String type;

    @Option(names = "--status", paramLabel = "S", description = "Only this status (RUNNING, RETRYING, PARKED, ...).")
    private String status;

    @Option(names = "--tenant", paramLabel = "ID", description = "Only this tenant's.")
    private String tenantId;

    @Option(names = "--sort", paramLabel = "stalest|newest",
            description = "stalest (default): longest without progress first; newest: last started first.")
    private String sort;

    @Option(names = "--limit", paramLabel = "N", description = "At most N (the platform's default is 50).")
    private Integer limit;

    @Option(names = "--cursor", paramLabel = "C", description = "The next page, as the previous one named it.")
    private String cursor;

    @Override
    public Integer call() {
        ApiResponse answer = api().get("/api/v1/ops/sagas" + Urls.query("stuck", stuck ? "true" : null, "type", type,
                "status", status, "tenantId", tenantId, "sort", sort, "limit", limit == null ? null : limit.toString(),
                "cursor", cursor));
        if (json()) {
            printJson(answer);
            return 0;
        }
        SagaPage page = answer.as(SagaPage.class);
        if (page.items().isEmpty()) {
            out().println("no sagas");
        } else {
            TextTable table = new TextTable("SAGA-ID", "TYPE", "KEY", "STATUS", "STEP", "ATTEMPTS", "STUCK",
                    "LAST-PROGRESS", "LAST-ERROR");
            page.items().forEach(s -> table.row(s.sagaId(), s.type(), s.key(), s.status(), s.currentStep(),
                    s.attempts(), s.stuck() ? "yes" : "no", s.lastProgressAt(),
                    s.lastError() == null ? null : Text.shorten(s.lastError(), ERROR_WIDTH)));
            table.print(out());
        }
        if (page.nextCursor() != null) {
            out().println("more: add --cursor " + page.nextCursor());
        }
        return 0;
    }
}
