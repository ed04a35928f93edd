package io.baseplane.app.axon;

import io.baseplane.app.node.LiveNodes;
import io.baseplane.app.node.NodeConfiguration;
import io.baseplane.app.node.NodeProperties;
import io.baseplane.saga.journal.JdbcSagaJournal;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tracking tokens and saga state in PostgreSQL (bytea, Jackson), with or without Axon Server: segment
 * claims in the token store are how several instances share a processor's work, each claiming no more than its
 * share (docs/adr/0019).
 */
@Configuration(proxyBeanMethods = false)
class ProcessingStoreConfiguration {

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        // Joins the Spring transaction of the unit of work, so events, lookups and sagas commit together.
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, AxonProperties properties,
                          NodeProperties node, LiveNodes liveNodes, JdbcTemplate jdbc) {
        TokenStore claims = JdbcTokenStore.builder()
                .nodeId(properties.nodeId())
                .claimTimeout(node.claimTimeout())
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .contentType(byte[].class)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
        return NodeConfiguration.claimingFairShares(claims, liveNodes, jdbc, properties.nodeId());
    }

    @Bean
    SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer, JdbcTemplate jdbc,
                                JdbcSagaJournal journal) {
        SagaSchema schema = SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .revisionColumn("revision")
                .sagaTypeColumn("saga_type")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build();
        return new LockingSagaStore(JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .sqlSchema(new PostgresSagaSqlSchema(schema))
                .build(), jdbc, journal);
    }
}
