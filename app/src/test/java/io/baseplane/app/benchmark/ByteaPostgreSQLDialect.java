package io.baseplane.app.benchmark;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * PostgreSQL as Hibernate 7 sees it, except that {@code @Lob byte[]} is a {@code bytea} column read and
 * written as plain bytes instead of an {@code oid} large object. Axon's {@code DomainEventEntry} declares its
 * payload and metadata {@code @Lob}; without this, the JPA event store would keep every payload in
 * {@code pg_largeobject} while the platform's JDBC schema uses {@code bytea}, and the benchmark would compare
 * two storage layouts rather than two storage engines.
 *
 * <p>Two things change: the DDL type of {@link SqlTypes#BLOB} ({@link #columnType(int)}, used by
 * {@code hbm2ddl}), and the JDBC binding of {@link Types#BLOB}, which otherwise is
 * {@code BlobJdbcType.BLOB_BINDING} (a {@code java.sql.Blob}, that the PostgreSQL driver turns into a large
 * object). {@link BinaryJdbcType} binds with {@code setBytes} and reads with {@code getBytes}.
 */
public class ByteaPostgreSQLDialect extends PostgreSQLDialect {

    public ByteaPostgreSQLDialect() {
        super();
    }

    /** Hibernate calls this constructor with the version the connection reported. */
    public ByteaPostgreSQLDialect(DialectResolutionInfo info) {
        super(info);
    }

    public ByteaPostgreSQLDialect(DatabaseVersion version) {
        super(version);
    }

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}
