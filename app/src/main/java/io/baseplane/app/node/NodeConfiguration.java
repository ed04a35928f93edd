package io.baseplane.app.node;

import io.baseplane.app.axon.AxonProperties;
import io.baseplane.app.web.ProblemResponses;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The node's heartbeat and how its event processors share their segments with the other nodes (docs/adr/0019). */
@Configuration(proxyBeanMethods = false)
public class NodeConfiguration {

    @Bean
    LiveNodes liveNodes(JdbcTemplate jdbc, NodeProperties properties, AxonProperties axon) {
        return new LiveNodes(jdbc, properties, axon.nodeId());
    }

    @Bean
    SegmentBalancer segmentBalancer(LiveNodes nodes, EventProcessingConfiguration processing) {
        SegmentBalancer balancer = new SegmentBalancer(processing);
        nodes.balance(balancer);
        return balancer;
    }

    /**
     * A pooled processor extends the claims of its idle segments twice per claim timeout (Axon's default, every five
     * seconds, is that for its default timeout, and a shorter timeout would outrun it); tracking processors extend
     * theirs every second.
     */
    @Bean
    ConfigurerModule claimsExtendedWellWithinTheirTimeout(NodeProperties properties) {
        long threshold = properties.claimTimeout().toMillis() / 2;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder
                        .claimExtensionThreshold(threshold)));
    }

    /** Before authentication: a request for a role this node lacks is answered at once. */
    @Bean
    FilterRegistrationBean<MisdirectedRequestFilter> misdirectedRequests(NodeProperties properties,
                                                                         ProblemResponses problems) {
        FilterRegistrationBean<MisdirectedRequestFilter> registration =
                new FilterRegistrationBean<>(new MisdirectedRequestFilter(properties, problems));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** The token store the processors claim through: never more than this node's share of the segments. */
    public static TokenStore claimingFairShares(TokenStore tokens, LiveNodes nodes, JdbcTemplate jdbc, String nodeId) {
        return new FairShareTokenStore(tokens, nodes, jdbc, nodeId);
    }
}
