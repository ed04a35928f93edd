package io.baseplane.app.axon;

import io.baseplane.kernel.common.RefusalDetails;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command gateway of REST adapters and sagas: Axon's, with commands that lose a race sent again (ADR 0017), and
 * refusals that a handler on another node sent as details rebuilt as the exceptions it threw (ADR 0021): callers see
 * the same refusal whether the command was handled here or elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class CommandGatewayConfiguration {

    /** How often a command that lost a race for its aggregate is sent again before the client hears 409. */
    static final int RETRIES_AFTER_A_LOST_RACE = 3;

    /** Not a bean: an executor bean would displace Spring Boot's application task executor. */
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(new FailureTranslatingCommandBus(commandBus, RefusalDetails::restore))
                .retryScheduler(new ConcurrencyRetries(retries, RETRIES_AFTER_A_LOST_RACE))
                .build();
    }

    @PreDestroy
    void stopRetries() {
        retries.shutdownNow();
    }
}
