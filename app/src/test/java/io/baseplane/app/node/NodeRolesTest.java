package io.baseplane.app.node;

import static io.baseplane.app.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.axon.AxonProperties;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.app.testing.SecondNode;
import io.baseplane.command.CommandSideLookups;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

/**
 * {@code baseplane.node.roles}: a command node and a query node beside the test platform (which has every role, so
 * it does the processing), on one database. Each serves its own API and not the other's, runs no event processors
 * but the command side's lookups where it handles commands, polls no deadlines, and takes no share of the segments —
 * and what a client sends to the command node is seen on the query node.
 */
class NodeRolesTest extends PlatformTestBase {

    @Autowired
    private Environment environment;

    @Autowired
    private ApplicationContext firstNode;

    @Autowired
    private NodeProperties node;

    @Autowired
    private AxonProperties axonNodeId;

    @Test
    void aCommandNodeHandlesCommandsAndRunsNoProcessorsButTheLookups() throws InterruptedException {
        String tenantId = createTenant("FREE");
        String workspaceId = defaultWorkspaceOf(tenantId);
        try (SecondNode commands = SecondNode.startOn(environment,
                Map.of("baseplane.node.roles", "command", "baseplane.axon.node-id", "command-node"))) {
            Api admin = commands.api().as(tokens.tenantAdmin(tenantId, "owner"));

            assertThat(admin.patch("/api/v1/workspaces/" + workspaceId, Map.of("description", "from the command node"))
                    .status()).isEqualTo(200);
            assertThat(assertProblem(admin.get("/api/v1/workspaces/" + workspaceId), 421).get("detail").asText())
                    .contains("serves no queries", "command");

            assertThat(commands.bean(EventProcessingConfiguration.class).eventProcessors().keySet())
                    .containsExactly(CommandSideLookups.PROCESSING_GROUP);
            assertThat(commands.bean("deadlineScheduler", SmartLifecycle.class).isRunning()).isFalse();
            // The processing node (the test platform) handles the command node's events.
            eventually(() -> api.as(tokens.tenantAdmin(tenantId, "owner")).get("/api/v1/workspaces/" + workspaceId)
                    .body().contains("from the command node"));
            // Counted out of the deal: over several of its beats, the full node keeps every segment.
            assertThat(jdbc.queryForObject("select processors from platform_node where node_id = 'command-node'",
                    String.class)).isEmpty();
            Thread.sleep(node.heartbeatInterval().multipliedBy(3).toMillis());
            assertThat(jdbc.queryForList("select coalesce(owner, 'unclaimed') from token_entry", String.class))
                    .containsOnly(axonNodeId.nodeId());
        }
    }

    @Test
    void aQueryNodeAnswersQueriesAndHasNoCommandHandlers() {
        String tenantId = createTenant("FREE");
        String workspaceId = defaultWorkspaceOf(tenantId);
        try (SecondNode queries = SecondNode.startOn(environment,
                Map.of("baseplane.node.roles", "query", "baseplane.axon.node-id", "query-node"))) {
            Api admin = queries.api().as(tokens.tenantAdmin(tenantId, "owner"));

            assertThat(admin.get("/api/v1/workspaces/" + workspaceId).status()).isEqualTo(200);
            assertThat(assertProblem(admin.patch("/api/v1/workspaces/" + workspaceId, Map.of("description", "refused")),
                    421).get("type").asText()).endsWith("/misdirected-request");

            assertThat(queries.beanNamesAnnotatedWith(Aggregate.class)).isEmpty();
            assertThat(firstNode.getBeanNamesForAnnotation(Aggregate.class)).isNotEmpty();
            assertThat(queries.bean(EventProcessingConfiguration.class).eventProcessors()).isEmpty();
        }
    }

    @Test
    void aProcessingNodeServesNoApiButRunsTheProcessorsAndOnTheJdbcSetupItsSagasCommands() {
        String tenantId = createTenant("FREE");
        String workspaceId = defaultWorkspaceOf(tenantId);
        try (SecondNode processing = SecondNode.startOn(environment,
                Map.of("baseplane.node.roles", "processing", "baseplane.axon.node-id", "processing-node"))) {
            Api admin = processing.api().as(tokens.tenantAdmin(tenantId, "owner"));

            assertProblem(admin.get("/api/v1/workspaces/" + workspaceId), 421);
            assertProblem(admin.patch("/api/v1/workspaces/" + workspaceId, Map.of("description", "refused")), 421);

            assertThat(processing.bean(EventProcessingConfiguration.class).eventProcessors().keySet())
                    .contains("workspace-view", "WorkspaceProvisioningSagaProcessor", CommandSideLookups.PROCESSING_GROUP);
            assertThat(processing.beanNamesAnnotatedWith(Aggregate.class)).isNotEmpty();
            assertThat(processing.bean("deadlineScheduler", SmartLifecycle.class).isRunning()).isTrue();
        }
    }
}
