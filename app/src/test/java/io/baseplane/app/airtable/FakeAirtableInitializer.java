package io.baseplane.app.airtable;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the platform under test at {@link FakeAirtableServer}, for every test context (registered in
 * META-INF/spring.factories, so the shared context of all integration tests stays one context). No test
 * ever reaches the real Airtable.
 */
public class FakeAirtableInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("baseplane.airtable.base-url=" + FakeAirtableServer.get().baseUrl())
                .applyTo(context.getEnvironment());
    }
}
