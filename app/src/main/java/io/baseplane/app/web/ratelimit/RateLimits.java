package io.baseplane.app.web.ratelimit;

import io.baseplane.app.web.ProblemResponses;
import jakarta.servlet.Filter;

/** The two rate-limit filters of the security chain, sharing one set of budgets. */
public final class RateLimits {

    private final RequestBudgets budgets;
    private final ProblemResponses problems;

    RateLimits(RequestBudgets budgets, ProblemResponses problems) {
        this.budgets = budgets;
        this.problems = problems;
    }

    /** Before authentication: addresses that keep bringing bad credentials are held off. */
    public Filter failedAuthentications() {
        return new FailedAuthenticationFilter(budgets, problems);
    }

    /** After authentication: each caller's and each tenant's request budget. */
    public Filter perCallerAndTenant() {
        return new RateLimitFilter(budgets, problems);
    }
}
