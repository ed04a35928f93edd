package io.baseplane.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one runnable application: assembles command side, sagas, projections and query side. */
@SpringBootApplication(scanBasePackages = "io.baseplane")
@ConfigurationPropertiesScan("io.baseplane")
public class BaseplaneApplication {

    public static void main(String[] args) {
        // Axon's update checker writes under ~/.axoniq and calls home; neither belongs in this platform.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(BaseplaneApplication.class, args);
    }
}
