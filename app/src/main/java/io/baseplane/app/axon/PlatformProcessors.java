package io.baseplane.app.axon;

import io.baseplane.command.CommandSideLookups;
import io.baseplane.projection.ReadModelGroups;
import io.baseplane.saga.airtable.AirtableSyncRunSaga;
import io.baseplane.saga.tenant.TenantOnboardingSaga;
import io.baseplane.saga.workflow.WorkflowExecutionSaga;
import io.baseplane.saga.workflow.trigger.WorkflowTriggerHandler;
import io.baseplane.saga.workspace.WorkspaceProvisioningSaga;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every event processor of the platform by name, with what it does: one catalogue for the configuration and for the
 * operators' view, which lists them whether or not the node asked runs them.
 */
public final class PlatformProcessors {

    /** What a processor does with the events, which decides what an operator may do with it. */
    public enum Kind {
        /** Keeps a read model: may be replayed, the view rebuilt. */
        VIEW,
        /** Runs saga instances: never replayed (they would act again). */
        SAGA,
        /** Reacts to events with commands (the workflow triggers): never replayed. */
        REACTION,
        /** Keeps the command side's lookup tables in the command's own transaction: neither paused nor replayed. */
        LOOKUP
    }

    /** The sagas' tracking processors. */
    public static final List<String> SAGAS = List.of(
            sagaProcessor(TenantOnboardingSaga.class), sagaProcessor(WorkspaceProvisioningSaga.class),
            sagaProcessor(AirtableSyncRunSaga.class), sagaProcessor(WorkflowExecutionSaga.class));

    /** The tracking processors that react to some events with commands and calls: the sagas' and the triggers'. */
    public static final List<String> REACTIONS = Stream.concat(SAGAS.stream(),
            Stream.of(WorkflowTriggerHandler.PROCESSING_GROUP)).toList();

    /** All of them, views first, in a stable order. */
    public static final Map<String, Kind> ALL = catalogue();

    private PlatformProcessors() {
    }

    /** The kind of the named processor, or null when the platform has none by that name. */
    public static Kind kindOf(String name) {
        return ALL.get(name);
    }

    private static Map<String, Kind> catalogue() {
        Map<String, Kind> all = new LinkedHashMap<>();
        ReadModelGroups.ALL.forEach(name -> all.put(name, Kind.VIEW));
        SAGAS.forEach(name -> all.put(name, Kind.SAGA));
        all.put(WorkflowTriggerHandler.PROCESSING_GROUP, Kind.REACTION);
        all.put(CommandSideLookups.PROCESSING_GROUP, Kind.LOOKUP);
        return java.util.Collections.unmodifiableMap(all);
    }

    private static String sagaProcessor(Class<?> saga) {
        return saga.getSimpleName() + "Processor";
    }
}
