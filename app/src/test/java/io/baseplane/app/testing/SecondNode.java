package io.baseplane.app.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.baseplane.app.BaseplaneApplication;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A second platform instance on the shared test platform's database: an application context of its own, with a node
 * name of its own, its own caches, processors and deadline scheduler, as a second node of a deployment would be.
 * Started by a test that needs it ({@link #startOn}) and closed by it ({@link #close}).
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node on the database of the platform whose environment this is. */
    public static SecondNode startOn(Environment firstNode) {
        return startOn(firstNode, Map.of());
    }

    /**
     * Starts such a node with {@code settings} over the test profile's and the above: the first node's own test
     * settings, say, or another node id for a third node. (All are passed as command-line arguments: a builder's
     * properties are only defaults, which the configuration files override — {@code server.port} among them.)
     */
    public static SecondNode startOn(Environment firstNode, Map<String, String> settings) {
        Map<String, String> arguments = new LinkedHashMap<>(Map.of(
                "spring.datasource.url", firstNode.getRequiredProperty("spring.datasource.url"),
                "server.port", "0",
                "baseplane.axon.node-id", "second-node",
                // Flyway migrated the database when the first node started.
                "spring.flyway.enabled", "false"));
        arguments.putAll(settings);
        return new SecondNode(new SpringApplicationBuilder(BaseplaneApplication.class)
                .profiles("test")
                .run(arguments.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public Api api() {
        return Api.at(port());
    }

    /** One of the node's beans, to look at what it runs. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String[] beanNamesAnnotatedWith(Class<? extends Annotation> annotation) {
        return context.getBeanNamesForAnnotation(annotation);
    }

    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /**
     * The node dies as a killed process or one cut off from the database would: its connection pool closes, so it
     * neither extends nor releases its segment claims, nor beats or says goodbye in {@code platform_node}. Closing
     * it afterwards changes nothing for the others.
     */
    public void dieWithoutCleaningUp() {
        context.getBean(HikariDataSource.class).close();
    }

    @Override
    public void close() {
        context.close();
    }
}
