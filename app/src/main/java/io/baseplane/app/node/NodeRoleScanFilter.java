package io.baseplane.app.node;

import io.baseplane.command.CommandSideLookups;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leaves out of the component scan what this node's {@code baseplane.node.roles} do not include, so a node without a
 * role has none of its handlers (not handlers that idle): without {@code processing}, no sagas, no projectors and no
 * workflow triggers, hence no event processors but the command side's lookups; without {@code query}, no query
 * handlers and no query API; without {@code command}, no command API, and no aggregates either unless the node
 * processes on the JDBC setup (its sagas send their commands to its own command bus; with Axon Server they go to the
 * command nodes).
 */
public final class NodeRoleScanFilter implements TypeFilter, EnvironmentAware {

    private static final String COMMAND_API = "io.baseplane.command.";
    private static final String QUERY_SIDE = "io.baseplane.query.";
    /** Axon Server connects the command buses of all nodes (the {@code axonserver} profile sets it). */
    private static final String AXON_SERVER_ENABLED = "axon.axonserver.enabled";

    private Set<NodeRole> roles = Set.of(NodeRole.values());
    private boolean commandsRoutedByAxonServer;

    @Override
    public void setEnvironment(Environment environment) {
        this.roles = Binder.get(environment).bind("baseplane.node", NodeProperties.class)
                .orElseGet(() -> new NodeProperties(null, null, null, null)).roles();
        this.commandsRoutedByAxonServer = environment.getProperty(AXON_SERVER_ENABLED, Boolean.class, false);
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        AnnotationMetadata type = reader.getAnnotationMetadata();
        String name = type.getClassName();
        if (!roles.contains(NodeRole.PROCESSING) && (type.hasAnnotation(Saga.class.getName()) || isReaction(type))) {
            return true;
        }
        if (!roles.contains(NodeRole.QUERY) && (type.hasAnnotatedMethods(QueryHandler.class.getName())
                || isApi(type, QUERY_SIDE))) {
            return true;
        }
        if (!roles.contains(NodeRole.COMMAND)) {
            boolean handlesCommands = roles.contains(NodeRole.PROCESSING) && !commandsRoutedByAxonServer;
            return isApi(type, COMMAND_API) || !handlesCommands && (type.hasAnnotation(Aggregate.class.getName())
                    || isCommandSideLookup(type));
        }
        return false;
    }

    /** A projector or a trigger: an event handler in a processing group of its own. */
    private static boolean isReaction(AnnotationMetadata type) {
        return type.hasAnnotation(ProcessingGroup.class.getName()) && !isCommandSideLookup(type);
    }

    private static boolean isCommandSideLookup(AnnotationMetadata type) {
        Map<String, Object> group = type.getAnnotationAttributes(ProcessingGroup.class.getName());
        return group != null && CommandSideLookups.PROCESSING_GROUP.equals(group.get("value"));
    }

    private static boolean isApi(AnnotationMetadata type, String packagePrefix) {
        return type.hasAnnotation(RestController.class.getName()) && type.getClassName().startsWith(packagePrefix);
    }
}
