package io.s3multi.filters.pipeline;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet behind the pipeline, mapped to {@code /}.
 *
 * <p>A servlet container runs a request's filters only once the request is mapped to a servlet. Jetty always
 * has a default one; Tomcat has one only through its global {@code conf/web.xml}, and an embedded or trimmed
 * Tomcat may have none, answering 404 without running a single filter. Mapping this servlet makes every
 * request reach the pipeline in every container, and keeps the container's file-serving default servlet away
 * from the application.
 *
 * <p>It is never reached in practice: the terminal stage, which validation requires, answers everything.
 */
final class ChainEndServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PlainText.send(response, HttpServletResponse.SC_NOT_FOUND, "Not Found\n");
    }
}
