package io.baseplane.app.axonserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.baseplane.app.BaseplaneApplication;
import io.baseplane.app.axon.FailureTranslatingCommandBus;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.TestDatabase;
import io.baseplane.app.testing.Tokens;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.RefusalDetails;
import io.baseplane.kernel.tenant.CreateTenantCommand;
import io.baseplane.kernel.tenant.Plan;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtEncoder;

/**
 * The {@code axonserver} profile starts without a reachable Axon Server (none runs in the test suite): the platform
 * comes up, is alive, and says it is not ready, naming the connection to Axon Server; it also shuts down promptly.
 * Axon Server's address is a loopback port where nothing listens, so every connection attempt is refused at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AxonServerProfileTest {

    /** Far above the ~1 s it takes; a connector waiting for its connect timeout (5 s) on each call would exceed it. */
    private static final Duration PROMPT_SHUTDOWN = Duration.ofSeconds(10);

    private static String axonServer;
    private static ConfigurableApplicationContext platform;
    private static Api api;
    private static Tokens tokens;

    @BeforeAll
    static void startWithoutAxonServer() {
        axonServer = "127.0.0.1:" + portWhereNothingListens();
        // Command-line arguments: they outrank application-axonserver.yml's address.
        platform = new SpringApplicationBuilder(BaseplaneApplication.class)
                .profiles("test", AxonServerProfile.NAME)
                .run("--spring.datasource.url=" + TestDatabase.another(),
                        "--spring.datasource.username=" + TestDatabase.username(),
                        "--server.port=0",
                        "--axon.axonserver.servers=" + axonServer);
        api = Api.at(Integer.parseInt(platform.getEnvironment().getRequiredProperty("local.server.port")));
        tokens = new Tokens(platform.getBean(JwtEncoder.class));
    }

    @AfterAll
    static void shutDown() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void isAliveButNotReadyAndNamesTheAxonServerConnection() {
        Api.Response liveness = api.get("/actuator/health/liveness");
        Api.Response readiness = api.as(tokens.operator()).get("/actuator/health/readiness");

        assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);
        assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
        JsonNode connection = readiness.json().at("/components/axonServerConnection");
        assertThat(connection.path("status").asText()).as(readiness.toString()).isEqualTo("DOWN");
        assertThat(connection.at("/details/servers").asText()).isEqualTo(axonServer);
        assertThat(connection.at("/details/error").asText())
                .isEqualTo(AxonServerConnectionHealthIndicator.NOT_CONNECTED);
        // The other readiness checks exist under this profile too (the group is validated at start-up).
        assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/eventStore/status").asText()).isEqualTo("DOWN");
    }

    @Test
    void aLoadBalancerSeesOnlyTheStatus() {
        Api.Response readiness = api.get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().has("components")).isFalse();
    }

    @Test
    void axonServerStoresTheEventsAndRoutesTheMessagesWhichCarryTheirRefusalsWithDetails() {
        assertThat(platform.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
        assertThat(platform.getBeanNamesForType(EventStorageEngine.class)).isEmpty();
        assertThat(platform.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
        CommandBus commandBus = platform.getBean(CommandBus.class);
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        assertThat(((AxonServerCommandBus) commandBus).localSegment()).isInstanceOf(FailureTranslatingCommandBus.class);
    }

    /**
     * The handlers Axon Server would route to this node refuse with details, a command (refused in its constructor,
     * before any event is read) and a query alike: asked directly on the local segments Axon Server's buses hand
     * their messages to.
     */
    @Test
    void thisNodesHandlersRefuseWithDetails() {
        MetaData operator = MetaData.with(MetaDataKeys.USER_ID, "operator")
                .and(MetaDataKeys.ROLES, "PLATFORM_OPERATOR");
        CommandBus commands = ((AxonServerCommandBus) platform.getBean(CommandBus.class)).localSegment();
        QueryBus queries = ((AxonServerQueryBus) platform.getBean(QueryBus.class)).localSegment();
        FutureCallback<Object, Object> created = new FutureCallback<>();

        commands.dispatch(GenericCommandMessage.asCommandMessage(
                new CreateTenantCommand(TenantId.random(), " ", Plan.FREE)).andMetaData(operator), created);
        QueryResponseMessage<WorkspaceView> found = queries.query(new GenericQueryMessage<>(
                new FindWorkspaceQuery(WorkspaceId.random()), ResponseTypes.instanceOf(WorkspaceView.class))
                .andMetaData(operator)).join();

        assertThat(detailsOf(created.getResult().exceptionResult()).kind())
                .isEqualTo(RefusalDetails.Kind.INVALID_VALUE);
        assertThat(detailsOf(found.exceptionResult()).kind()).isEqualTo(RefusalDetails.Kind.NOT_FOUND);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void shutsDownPromptly() {
        ConfigurableApplicationContext closing = platform;
        platform = null;
        long started = System.nanoTime();

        closing.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPT_SHUTDOWN);
    }

    private static RefusalDetails detailsOf(Throwable failure) {
        assertThat(failure).isInstanceOf(HandlerExecutionException.class);
        Optional<Object> details = ((HandlerExecutionException) failure).getDetails();
        assertThat(details).get().isInstanceOf(RefusalDetails.class);
        return (RefusalDetails) details.orElseThrow();
    }

    private static int portWhereNothingListens() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
