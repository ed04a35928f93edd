package io.baseplane.app.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Points the application under test at this run's own database; first, so {@link SeparatePlatform} can override it. */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "spring.datasource.username=" + TestDatabase.username())
                .applyTo(context.getEnvironment());
    }
}
