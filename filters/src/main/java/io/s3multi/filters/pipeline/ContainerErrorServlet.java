package io.s3multi.filters.pipeline;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The WAR's error page ({@code web.xml} maps every error to {@link #PATH}): what the container answers when a
 * request failed outside a stage's control — an exception that escaped the pipeline, or a status the container
 * set itself (Tomcat's {@code sendError(400)} after a failed body read).
 *
 * <p>It sends the {@link ErrorAnswer} a stage kept for the request (an S3 client gets its S3 XML error), else a
 * one-line {@code text/plain} status; never the container's HTML page with an exception's name in it. The
 * connection is closed: a failure that reached the container may have left part of a request body unread.
 */
final class ContainerErrorServlet extends HttpServlet {

    /** Where web.xml sends errors; no S3 bucket name starts with a dot, and no Swift path does. */
    static final String PATH = "/.s3multi-error";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setHeader("Connection", "close");
        Optional<ErrorAnswer> kept = PipelineAttributes.ERROR_ANSWER.find(request);
        if (kept.isPresent()) {
            ErrorAnswer answer = kept.get();
            byte[] body = answer.body().get();
            response.setStatus(answer.status());
            response.setContentType(answer.contentType());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        PlainText.send(response, status, status >= 500 ? "Internal Server Error\n" : "Bad Request\n");
    }
}
