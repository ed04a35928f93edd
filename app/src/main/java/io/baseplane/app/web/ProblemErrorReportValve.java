package io.baseplane.app.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request no servlet saw (an encoded slash or {@code %00} in the path, a header too large),
 * as problem details instead of Tomcat's HTML page. Says nothing about the server and nothing the client sent.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !ioAllowed(response) || !response.setErrorReported()) {
            return;
        }
        ProblemDetail problem = ProblemResponses.forStatus(status);
        String title = problem.getTitle() == null ? "Error" : problem.getTitle();
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + problem.getType() + "\",\"title\":\"" + title
                        + "\",\"status\":" + status + ",\"detail\":\"" + problem.getDetail() + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer is under way: nothing more to say.
        }
    }

    private static boolean ioAllowed(Response response) {
        AtomicBoolean allowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
        return allowed.get();
    }
}
