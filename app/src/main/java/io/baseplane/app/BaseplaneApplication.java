package io.baseplane.app;

import io.baseplane.app.node.NodeRoleScanFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The one runnable application: assembles command side, sagas, projections and query side, those parts the node's
 * roles ask for ({@link NodeRoleScanFilter}). Spring Boot's own scan filters are kept.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "io.baseplane", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = NodeRoleScanFilter.class)})
@ConfigurationPropertiesScan("io.baseplane")
public class BaseplaneApplication {

    public static void main(String[] args) {
        // Axon's update checker writes under ~/.axoniq and calls home; neither belongs in this platform.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(BaseplaneApplication.class, args);
    }
}
