package io.baseplane.app.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * For a test class that needs the platform with other settings: its context gets a database of its own, so
 * its event processors, sagas and tokens never mix with the shared test platform's. Such a class also
 * closes its context when done ({@code @DirtiesContext}), so two platforms run side by side only briefly.
 *
 * <p>Runs after {@link TestDatabaseInitializer}, whose URL it replaces. (Without the order it ran first and lost:
 * such a context shared the test database with the shared platform, and with the same token owner, pid@host,
 * both platforms' processors handled the same events.)
 */
@Order(Ordered.LOWEST_PRECEDENCE)
public class SeparatePlatform implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.datasource.url=" + TestDatabase.another()).applyTo(context.getEnvironment());
    }
}
