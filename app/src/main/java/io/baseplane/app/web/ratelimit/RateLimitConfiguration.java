package io.baseplane.app.web.ratelimit;

import io.baseplane.app.web.ProblemResponses;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared request budgets (docs/adr/0020); the security chain adds their filters where it sees fit. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    SharedBuckets sharedBuckets(DataSource dataSource, RateLimitProperties properties) {
        return new SharedBuckets(dataSource, properties.trackedKeys());
    }

    @Bean
    RateLimits rateLimits(SharedBuckets buckets, RateLimitProperties properties, ProblemResponses problems) {
        return new RateLimits(new RequestBudgets(properties, buckets), problems);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "baseplane.rate-limit.enabled", matchIfMissing = true)
    ExpiredBucketCleanup expiredBucketCleanup(SharedBuckets buckets) {
        return new ExpiredBucketCleanup(buckets);
    }
}
