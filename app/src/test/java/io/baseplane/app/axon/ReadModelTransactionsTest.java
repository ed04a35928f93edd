package io.baseplane.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.baseplane.app.testing.PlatformTestBase;
import io.baseplane.projection.ReadModelGroups;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Read-model batches commit without waiting for the log flush; commands, and everything else, still wait
 * (docs/adr/0013).
 */
class ReadModelTransactionsTest extends PlatformTestBase {

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private TransactionManager axonTransactionManager;

    @Test
    void readModelBatchesCommitAsynchronously() {
        assertThat(ReadModelGroups.ALL).allSatisfy(group ->
                assertThat(synchronousCommitIn(processing.transactionManager(group))).as(group).isEqualTo("off"));
        assertThat(jdbc.queryForObject("show synchronous_commit", String.class))
                .as("outside, the connection is as it was").isEqualTo("on");
    }

    @Test
    void commandsAndSagasCommitSynchronously() {
        assertThat(synchronousCommitIn(axonTransactionManager)).isEqualTo("on");
        assertThat(PlatformProcessors.REACTIONS).allSatisfy(name ->
                assertThat(synchronousCommitIn(processing.transactionManager(name))).as(name).isEqualTo("on"));
    }

    private String synchronousCommitIn(TransactionManager transactions) {
        Transaction transaction = transactions.startTransaction();
        try {
            return jdbc.queryForObject("show synchronous_commit", String.class);
        } finally {
            transaction.rollback();
        }
    }
}
