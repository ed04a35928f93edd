package io.baseplane.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.baseplane.app.axon.FailureTranslatingCommandBus;
import io.baseplane.app.axonserver.DetailedRefusals;
import io.baseplane.app.axonserver.QueryRefusalsWithDetails;
import io.baseplane.app.testing.Api;
import io.baseplane.app.testing.AxonServerWire;
import io.baseplane.app.testing.PlatformTest;
import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.kernel.common.InvalidValueException;
import io.baseplane.kernel.common.MetaDataKeys;
import io.baseplane.kernel.common.RefusalDetails;
import io.baseplane.kernel.common.UserId;
import io.baseplane.kernel.tenant.SuspendTenantCommand;
import io.baseplane.kernel.tenant.TenantId;
import io.baseplane.kernel.workspace.AddMemberCommand;
import io.baseplane.kernel.workspace.UpdateWorkspaceDetailsCommand;
import io.baseplane.kernel.workspace.WorkspaceId;
import io.baseplane.kernel.workspace.WorkspaceRole;
import io.baseplane.kernel.workspace.query.FindWorkspaceQuery;
import io.baseplane.kernel.workspace.query.WorkspaceView;
import io.baseplane.query.api.QuerySender;
import io.baseplane.query.api.ReadYourWrites;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * Refusals keep their HTTP answer when the command or query travels over Axon Server (ADR 0021). Each case sends the
 * same request twice: over HTTP to the test platform (one node, the answer to match), and as the message its controller
 * sends, across {@link AxonServerWire} (the connector's own serialisation of messages and of exception details) to
 * the platform's handlers, wrapped as the {@code axonserver} profile wraps them, and back through the dispatching
 * side (the gateway's rebuilding, {@code QuerySender}, read-your-writes) to the web layer's error handling. Both
 * answers must be the same problem+json: status, type, title, detail and the extra fields.
 */
@PlatformTest
class RefusalsOverAxonServerTest extends PlatformTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Set by Spring MVC from the request path; not the error handling's. */
    private static final Set<String> REQUEST_FIELDS = Set.of("instance");

    @Autowired
    private CommandBus localCommandBus;

    @Autowired
    @Qualifier("messageSerializer")
    private Serializer messageSerializer;

    @Autowired
    private Serializer serializer;

    @Autowired
    private ProblemDetailsAdvice advice;

    @Autowired
    private ReadYourWrites readYourWrites;

    @Autowired
    private ApplicationContext context;

    private AxonServerWire wire;
    private CommandGateway remoteGateway;
    private QueryBus workspaceQueryNode;

    @BeforeEach
    void connectTheNodes() {
        wire = new AxonServerWire(messageSerializer, serializer);
        remoteGateway = gatewayTo(localCommandBus);
        // A query node with the platform's workspace query handler and the profile's interceptor.
        workspaceQueryNode = SimpleQueryBus.builder().build();
        workspaceQueryNode.registerHandlerInterceptor(new QueryRefusalsWithDetails());
        new AnnotationQueryHandlerAdapter<>(context.getBean("workspaceQueryHandler")).subscribe(workspaceQueryNode);
    }

    @Test
    void anUnknownWorkspaceIsNotFound() {
        String tenantId = createTenant("FREE");
        WorkspaceId unknown = WorkspaceId.random();

        Api.Response oneNode = api.as(tokens.tenantAdmin(tenantId, "olivia"))
                .patch("/api/v1/workspaces/" + unknown, Map.of("name", "Renamed"));

        assertThat(oneNode.status()).isEqualTo(404);
        assertSameAnswer(oneNode, commandOverTheWire(
                new UpdateWorkspaceDetailsCommand(unknown, "Renamed", null, null), tenantAdmin(tenantId, "olivia")));
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        Api.Response oneNode = api.as(tokens.tenantAdmin(tenantId, "olivia")).header("If-Match", "\"0\"")
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Renamed"));

        assertThat(oneNode.status()).isEqualTo(412);
        assertSameAnswer(oneNode, commandOverTheWire(
                new UpdateWorkspaceDetailsCommand(WorkspaceId.of(workspaceId), "Renamed", null, 0L),
                tenantAdmin(tenantId, "olivia")));
    }

    @Test
    void aMemberAlreadyPresentIsAConflict() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        Api.Response oneNode = api.as(tokens.tenantAdmin(tenantId, "olivia"))
                .post("/api/v1/workspaces/" + workspaceId + "/members", Map.of("userId", "olivia", "role", "VIEWER"));

        assertThat(oneNode.status()).isEqualTo(409);
        assertSameAnswer(oneNode, commandOverTheWire(
                new AddMemberCommand(WorkspaceId.of(workspaceId), UserId.of("olivia"), WorkspaceRole.VIEWER, null),
                tenantAdmin(tenantId, "olivia")));
    }

    @Test
    void theWrongWorkspaceRoleIsForbidden() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");

        Api.Response oneNode = api.as(tokens.member(tenantId, "bob"))
                .patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Mine"));

        assertThat(oneNode.status()).isEqualTo(403);
        assertSameAnswer(oneNode, commandOverTheWire(
                new UpdateWorkspaceDetailsCommand(WorkspaceId.of(workspaceId), "Mine", null, null),
                caller("bob", tenantId, "MEMBER")));
    }

    @Test
    void anotherTenantsWorkspaceIsNotFoundToCommandsAndQueries() {
        String tenantId = createTenant("FREE");
        String workspaceId = provisionWorkspace(tenantId, "olivia", "Design");
        String otherTenant = createTenant("FREE");
        Api outsider = api.as(tokens.tenantAdmin(otherTenant, "mallory"));

        Api.Response commandOnOneNode = outsider.patch("/api/v1/workspaces/" + workspaceId, Map.of("name", "Mine"));
        Api.Response queryOnOneNode = outsider.get("/api/v1/workspaces/" + workspaceId);

        assertThat(commandOnOneNode.status()).isEqualTo(404);
        assertSameAnswer(commandOnOneNode, commandOverTheWire(
                new UpdateWorkspaceDetailsCommand(WorkspaceId.of(workspaceId), "Mine", null, null),
                tenantAdmin(otherTenant, "mallory")));
        assertThat(queryOnOneNode.status()).isEqualTo(404);
        assertSameAnswer(queryOnOneNode, answerOf(() -> QuerySender.payloadOf(wire.ask(workspaceQueryNode,
                findWorkspace(workspaceId, tenantAdmin(otherTenant, "mallory"))))));
    }

    @Test
    void aMinimumVersionOfAViewThatDoesNotExistYetIsNotCaughtUp() {
        String tenantId = createTenant("FREE");
        String notYet = UUID.randomUUID().toString();

        Api.Response oneNode = api.as(tokens.tenantAdmin(tenantId, "olivia")).header(ReadYourWrites.HEADER, "0")
                .get("/api/v1/workspaces/" + notYet);

        assertThat(oneNode.status()).isEqualTo(503);
        ResponseEntity<?> overTheWire = answerOf(() -> readYourWrites.read(() -> QuerySender.payloadOf(
                wire.ask(workspaceQueryNode, findWorkspace(notYet, tenantAdmin(tenantId, "olivia")))), "0"));
        assertSameAnswer(oneNode, overTheWire);
        assertThat(overTheWire.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(oneNode.header("Retry-After"));
    }

    @Test
    void aBadValueAHandlerFindsNamesItsField() {
        String tenantId = createTenant("FREE");
        String tooLong = "x".repeat(600);

        Api.Response oneNode = api.as(tokens.operator())
                .post("/api/v1/tenants/" + tenantId + "/suspend", Map.of("reason", tooLong));

        assertThat(oneNode.status()).isEqualTo(400);
        assertThat(oneNode.json().at("/errors/0/field").asText()).isEqualTo("reason");
        assertSameAnswer(oneNode, commandOverTheWire(
                new SuspendTenantCommand(TenantId.of(tenantId), tooLong, null), caller("operator", null,
                        "PLATFORM_OPERATOR")));
    }

    /**
     * The refusals no request above provokes reliably (a race, an identifier clash in the store, several bad values at
     * once), each as a handler raises it, answered on one node and after the wire: a command refused while its unit of
     * work commits (where the events are appended and the lookups claim names), and a query refused by its handler.
     */
    @Test
    void everyOtherKindOfRefusalCrossesTheWireUnchanged() {
        List<RuntimeException> refusals = List.of(
                InvalidValueException.together(List.of(new InvalidValueException("name", "must not be blank"),
                        new InvalidValueException("description", "must be at most 1000 characters"))),
                new AggregateStreamCreationException("Cannot reuse aggregate identifier"),
                new ConcurrencyException("An event for aggregate [x] at sequence [3] was already inserted"));

        for (RuntimeException refusal : refusals) {
            ResponseEntity<?> oneNode = answerOf(() -> {
                throw refusal;
            });
            ResponseEntity<?> command = answerOf(
                    () -> gatewayTo(refusedWhileCommitting(refusal)).sendAndWait("command"));
            ResponseEntity<?> query = answerOf(() -> QuerySender.payloadOf(wire.ask(refusedByHandler(refusal),
                    new GenericQueryMessage<>("query", ResponseTypes.instanceOf(String.class)))));
            for (ResponseEntity<?> overTheWire : List.of(command, query)) {
                assertThat(overTheWire.getStatusCode()).as(refusal.toString()).isEqualTo(oneNode.getStatusCode());
                assertThat(problemJson(overTheWire)).as(refusal.toString()).isEqualTo(problemJson(oneNode));
            }
        }
    }

    /** Without details (what the connector did before), the same refusal became a 500: the case this guards. */
    @Test
    void withoutDetailsARefusalWouldArriveAsAnUnexpectedFailure() {
        String tenantId = createTenant("FREE");
        CommandGateway withoutDetails = DefaultCommandGateway.builder()
                .commandBus(wire.commandsTo(localCommandBus))
                .build();

        ResponseEntity<?> answer = answerOf(() -> withoutDetails.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new UpdateWorkspaceDetailsCommand(WorkspaceId.random(), "Renamed", null, null))
                .andMetaData(tenantAdmin(tenantId, "olivia"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }

    // ---- the two ends -------------------------------------------------------------------------------------------

    private ResponseEntity<?> commandOverTheWire(Object command, MetaData caller) {
        return answerOf(() -> remoteGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(caller)));
    }

    private static QueryMessage<FindWorkspaceQuery, WorkspaceView> findWorkspace(String workspaceId, MetaData caller) {
        return new GenericQueryMessage<>(new FindWorkspaceQuery(WorkspaceId.of(workspaceId)),
                ResponseTypes.instanceOf(WorkspaceView.class)).andMetaData(caller);
    }

    /**
     * A gateway on another node than {@code handlingNode}, both ends wired as under the profile: the handling node's
     * local segment as AxonServerProfileConfiguration builds it, the gateway as CommandGatewayConfiguration does.
     */
    private CommandGateway gatewayTo(CommandBus handlingNode) {
        return DefaultCommandGateway.builder()
                .commandBus(new FailureTranslatingCommandBus(wire.commandsTo(
                        new FailureTranslatingCommandBus(handlingNode, DetailedRefusals::ofCommand)),
                        RefusalDetails::restore))
                .build();
    }

    /** A node whose handler of String commands succeeds, and whose unit of work then fails with {@code refusal}. */
    private static CommandBus refusedWhileCommitting(RuntimeException refusal) {
        CommandBus node = SimpleCommandBus.builder().build();
        node.subscribe(String.class.getName(), command -> {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                throw refusal;
            });
            return null;
        });
        return node;
    }

    /** A query node whose handler of String queries refuses with {@code refusal}, with the profile's interceptor. */
    private static QueryBus refusedByHandler(RuntimeException refusal) {
        QueryBus node = SimpleQueryBus.builder().build();
        node.registerHandlerInterceptor(new QueryRefusalsWithDetails());
        node.subscribe(String.class.getName(), String.class, query -> {
            throw refusal;
        });
        return node;
    }

    private static MetaData tenantAdmin(String tenantId, String user) {
        return caller(user, tenantId, "TENANT_ADMIN");
    }

    /** The metadata the platform's {@code CurrentCaller} puts on a message for this token. */
    private static MetaData caller(String user, String tenantId, String roles) {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.USER_ID, user);
        if (tenantId != null) {
            metaData.put(MetaDataKeys.TENANT_ID, tenantId);
        }
        metaData.put(MetaDataKeys.ROLES, roles);
        return MetaData.from(metaData);
    }

    // ---- the web layer ------------------------------------------------------------------------------------------

    /** What the web layer answers for the failure of {@code request}, by the handler Spring MVC would choose. */
    private ResponseEntity<?> answerOf(Runnable request) {
        Throwable failure = catchThrowable(request::run);
        assertThat(failure).as("the request must fail").isNotNull();
        Method handler = new ExceptionHandlerMethodResolver(ProblemDetailsAdvice.class)
                .resolveMethodByThrowable(failure);
        try {
            handler.setAccessible(true);
            return (ResponseEntity<?>) handler.invoke(advice, failure);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("the error handling failed for " + failure, e);
        }
    }

    private static void assertSameAnswer(Api.Response oneNode, ResponseEntity<?> overTheWire) {
        assertThat(overTheWire.getStatusCode().value()).as(oneNode.toString()).isEqualTo(oneNode.status());
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        oneNode.json().properties().forEach(field -> {
            if (!REQUEST_FIELDS.contains(field.getKey())) {
                expected.put(field.getKey(), field.getValue());
            }
        });
        assertThat(problemJson(overTheWire)).as(oneNode.toString()).isEqualTo(expected);
    }

    /** The problem as its JSON fields: type, title, status, detail and the extra properties. */
    private static Map<String, JsonNode> problemJson(ResponseEntity<?> answer) {
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        Map<String, JsonNode> json = new LinkedHashMap<>();
        fields.forEach((name, value) -> json.put(name, JSON.valueToTree(value)));
        return json;
    }
}
