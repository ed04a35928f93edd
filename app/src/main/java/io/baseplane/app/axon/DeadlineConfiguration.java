package io.baseplane.app.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.baseplane.app.node.NodeProperties;
import io.baseplane.app.node.NodeRole;
import io.baseplane.saga.workflow.WorkflowProperties;
import io.baseplane.saga.workflow.trigger.ScheduledWorkflowRunner;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Persistent deadlines (ADR 0008): Axon's {@link DbSchedulerDeadlineManager} on db-scheduler, one row per
 * deadline in {@code scheduled_tasks} (V11). Deadlines survive a restart and are shared by all instances
 * (db-scheduler picks each due row once, with heartbeats to take over from a dead instance).
 *
 * <ul>
 *   <li>Human-readable task data: db-scheduler's Jackson serializer writes the deadline details as JSON,
 *       the payload and scope inside as Axon's JSON — {@code convert_from(task_data, 'UTF8')} shows them.</li>
 *   <li>Transaction-aware: db-scheduler gets the data source behind a {@link TransactionAwareDataSourceProxy},
 *       so a deadline scheduled or cancelled by a saga handler commits or rolls back with the saga's
 *       transaction. Deadlines execute in Axon units of work with the platform's transaction manager.</li>
 *   <li>The same scheduler runs the recurring poll that starts SCHEDULE workflows
 *       ({@link ScheduledWorkflowRunner}, every {@code baseplane.workflow.schedule-poll-interval}).</li>
 *   <li>The scheduler starts after everything else (event processors, command bus) and stops before them,
 *       waiting at most {@code baseplane.deadlines.shutdown-max-wait} for deadlines being executed.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    static final String WORKFLOW_SCHEDULES = "workflow-schedules";

    @Bean
    DeadlineScheduler deadlineScheduler(DataSource dataSource, DeadlineProperties properties, AxonProperties axon,
                                        ObjectProvider<DbSchedulerDeadlineManager> deadlineManager,
                                        ObjectProvider<ScheduledWorkflowRunner> scheduledWorkflows,
                                        WorkflowProperties workflowProperties, NodeProperties node) {
        // The task reaches the manager lazily: the manager needs the scheduler, the scheduler the task.
        Task<DbSchedulerHumanReadableDeadlineDetails> deadlineTask =
                DbSchedulerDeadlineManager.humanReadableTask(deadlineManager::getObject);
        // SCHEDULE workflows: one recurring poll, which db-scheduler runs on one instance at a time.
        RecurringTask<Void> workflowSchedules = Tasks
                .recurring(WORKFLOW_SCHEDULES, FixedDelay.of(workflowProperties.schedulePollInterval()))
                .execute((instance, context) -> scheduledWorkflows.getObject().fireDue());
        Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.of(deadlineTask))
                .startTasks(workflowSchedules)
                .tableName("scheduled_tasks")
                .schedulerName(new SchedulerName.Fixed(axon.nodeId()))
                .serializer(new JacksonSerializer())
                .pollingInterval(properties.pollingInterval())
                // A deadline due now (an outside call's outcome, an operator's retry) runs without waiting for
                // the next poll when it was scheduled on this node.
                .enableImmediateExecution()
                .threads(properties.threads())
                // A deadline picked by a node that died runs again on another after the missed heartbeats, not
                // after db-scheduler's default of six five-minute heartbeats.
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.deadAfterMissedHeartbeats())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .build();
        // Deadlines belong to sagas, which run on processing nodes only; other nodes never poll.
        return new DeadlineScheduler(scheduler, node.has(NodeRole.PROCESSING));
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(DeadlineScheduler deadlineScheduler,
                                               org.axonframework.config.Configuration axonConfiguration,
                                               Serializer serializer, TransactionManager axonTransactionManager) {
        DbSchedulerDeadlineManager manager = DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler.scheduler())
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
                .serializer(serializer)
                .transactionManager(axonTransactionManager)
                .useBinaryPojo(false)
                // Started and stopped by DeadlineScheduler, in the order the platform needs.
                .startScheduler(false)
                .stopScheduler(false)
                .build();
        // A deadline continues the chain that scheduled it (correlation, causation, user, tenant): what its
        // handler does is part of the same story in the event log and the logs.
        manager.registerDispatchInterceptor(messages -> (index, message) -> CurrentUnitOfWork.isStarted()
                ? message.andMetaData(CurrentUnitOfWork.get().getCorrelationData()) : message);
        return manager;
    }

    /** Runs db-scheduler's polling while the application runs. */
    static final class DeadlineScheduler implements SmartLifecycle {

        /**
         * Just above Axon's own lifecycle bean: polling starts once Axon has subscribed its handlers (a deadline due at
         * start-up would find no command handler before) and stops before Axon unsubscribes them.
         */
        static final int PHASE = SpringAxonConfiguration.LIFECYCLE_PHASE + 1;

        private final Scheduler scheduler;
        private final boolean polls;
        private volatile boolean running;

        DeadlineScheduler(Scheduler scheduler, boolean polls) {
            this.scheduler = scheduler;
            this.polls = polls;
        }

        Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            running = false;
            scheduler.stop();
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public boolean isAutoStartup() {
            return polls;
        }

        @Override
        public int getPhase() {
            return PHASE;
        }
    }
}
