package io.baseplane.app.node;

import io.baseplane.app.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A query sent to a node without the {@code query} role, or a command to one without {@code command}, is answered
 * 421 Misdirected Request (HTTP's status for "this server does not answer that"), naming the node's roles, instead of
 * a bare 404 or 405 from a path that exists elsewhere. The domain API reads with GET and writes with the other
 * methods; the operators' API and API keys are served by every node.
 */
final class MisdirectedRequestFilter extends OncePerRequestFilter {

    private static final String API = "/api/v1/";
    private static final String OPERATORS_API = "/api/v1/ops/";
    private static final PathPattern API_KEYS = PathPatternParser.defaultInstance.parse("/api/v1/tenants/*/api-keys/**");

    private final NodeProperties node;
    private final ProblemResponses problems;

    MisdirectedRequestFilter(NodeProperties node, ProblemResponses problems) {
        this.node = node;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return node.has(NodeRole.COMMAND) && node.has(NodeRole.QUERY) || !path.startsWith(API)
                || path.startsWith(OPERATORS_API) || API_KEYS.matches(PathContainer.parsePath(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean reads = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        NodeRole needed = reads ? NodeRole.QUERY : NodeRole.COMMAND;
        if (node.has(needed) || HttpMethod.OPTIONS.matches(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, HttpStatus.MISDIRECTED_REQUEST, "misdirected-request",
                "This node serves no " + (reads ? "queries" : "commands") + " (its roles: "
                        + node.roles().stream().map(NodeRole::propertyValue).sorted().toList()
                        + "); send it to a node with the " + needed.propertyValue() + " role");
    }
}
