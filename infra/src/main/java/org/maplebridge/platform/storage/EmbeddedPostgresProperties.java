package org.maplebridge.platform.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDirectory where the database lives between starts
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("maplebridge.embedded-postgres")
record EmbeddedPostgresProperties(Path dataDirectory, int port) {}
