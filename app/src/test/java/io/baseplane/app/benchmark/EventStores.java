package io.baseplane.app.benchmark;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.jpa.SimpleEntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import io.baseplane.app.axon.PlatformEventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/** Builds the three stores under comparison, each on a fresh database of its own. */
final class EventStores {

    /** How the JPA engine's DomainEventEntry gets its global index: {@code -Dbenchmark.jpa.globalIndex}. */
    enum JpaGlobalIndex {
        /** Axon's documented workaround for Hibernate 6+: a sequence of increment 1. The default. */
        SEQUENCE("benchmark/axon-jpa-global-index-sequence.xml",
                "global index from a sequence of increment 1 (benchmark/axon-jpa-global-index-sequence.xml)"),
        /** An identity column, as in the JDBC engine's schema. */
        IDENTITY("benchmark/axon-jpa-global-index-identity.xml",
                "global index from an identity column (benchmark/axon-jpa-global-index-identity.xml)"),
        /** Hibernate's default for a bare @GeneratedValue: sequence of increment 50, pooled optimizer. */
        HIBERNATE_DEFAULT(null, "global index from Hibernate's default sequence (increment 50, pooled optimizer)");

        final String mappingResource;
        final String description;

        JpaGlobalIndex(String mappingResource, String description) {
            this.mappingResource = mappingResource;
            this.description = description;
        }

        static JpaGlobalIndex configured() {
            String value = System.getProperty("benchmark.jpa.globalIndex", "sequence");
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    private EventStores() {
    }

    /**
     * Axon's JdbcEventStorageEngine configured as EventStoreConfiguration configures it for the platform, over
     * the tables of the app's Flyway migrations.
     */
    static AxonEngineSubject jdbc(Serializer serializer, int poolSize, int batchSize) throws SQLException {
        BenchmarkDatabase database = BenchmarkDatabase.create("jdbc", poolSize);
        DataSource dataSource = database.dataSource();
        migrate(dataSource);
        TransactionManager transactionManager =
                new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(new SQLErrorCodesResolver(dataSource))
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(platformEventSchema())
                .dataType(byte[].class)
                .batchSize(batchSize)
                .build();
        return new AxonEngineSubject(BenchmarkReport.JDBC, database, engine, transactionManager, () -> { });
    }

    /**
     * Axon's JpaEventStorageEngine on Hibernate: a LocalContainerEntityManagerFactoryBean with Axon's
     * DomainEventEntry and SnapshotEventEntry, tables created by Hibernate ({@code hbm2ddl create}) with
     * snake_case names, {@code bytea} for the {@code @Lob} columns ({@link ByteaPostgreSQLDialect}) and by default
     * a global index sequence of increment 1 ({@link JpaGlobalIndex}); a JpaTransactionManager, Axon's
     * SpringTransactionManager over it, and a SimpleEntityManagerProvider over the shared, transaction-bound
     * EntityManager of SharedEntityManagerCreator. Explicit flush after each append is Axon's default (on), so
     * every append transaction flushes twice: once in appendEvents (the INSERT) and once, with nothing left to
     * write, when JpaTransactionManager commits.
     */
    static AxonEngineSubject jpa(Serializer serializer, int poolSize, int batchSize) throws SQLException {
        BenchmarkDatabase database = BenchmarkDatabase.create("jpa", poolSize);
        DataSource dataSource = database.dataSource();
        LocalContainerEntityManagerFactoryBean factoryBean = new LocalContainerEntityManagerFactoryBean();
        factoryBean.setPersistenceUnitName("storage-engine-benchmark");
        factoryBean.setDataSource(dataSource);
        factoryBean.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factoryBean.setPackagesToScan(DomainEventEntry.class.getPackageName());
        String globalIndexMapping = JpaGlobalIndex.configured().mappingResource;
        if (globalIndexMapping != null) {
            factoryBean.setMappingResources(globalIndexMapping);
        }
        factoryBean.setJpaPropertyMap(Map.of(
                AvailableSettings.DIALECT, ByteaPostgreSQLDialect.class.getName(),
                AvailableSettings.HBM2DDL_AUTO, "create",
                AvailableSettings.PHYSICAL_NAMING_STRATEGY, CamelCaseToUnderscoresNamingStrategy.class.getName(),
                AvailableSettings.SHOW_SQL, "false"));
        factoryBean.afterPropertiesSet();
        EntityManagerFactory entityManagerFactory = factoryBean.getObject();

        JpaTransactionManager jpaTransactionManager = new JpaTransactionManager(entityManagerFactory);
        jpaTransactionManager.afterPropertiesSet();
        TransactionManager transactionManager = new SpringTransactionManager(jpaTransactionManager);
        EntityManager sharedEntityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
        JpaEventStorageEngine engine = JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(new SQLErrorCodesResolver(dataSource))
                .entityManagerProvider(new SimpleEntityManagerProvider(sharedEntityManager))
                .transactionManager(transactionManager)
                .explicitFlush(jpaExplicitFlush())
                .batchSize(batchSize)
                .build();
        return new AxonEngineSubject(BenchmarkReport.JPA, database, engine, transactionManager, factoryBean::destroy);
    }

    /** Plain JDBC on the same Flyway schema as the JDBC engine. */
    static RawJdbcSubject raw(Serializer serializer, int poolSize, int batchSize) {
        BenchmarkDatabase database = BenchmarkDatabase.create("raw", poolSize);
        migrate(database.dataSource());
        return new RawJdbcSubject(database, serializer, batchSize);
    }

    /** Axon's default (true) unless {@code -Dbenchmark.jpa.explicitFlush=false}. */
    static boolean jpaExplicitFlush() {
        return !"false".equals(System.getProperty("benchmark.jpa.explicitFlush"));
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** The platform's event schema, as the app configures it. */
    private static EventSchema platformEventSchema() {
        return PlatformEventSchema.create();
    }
}
