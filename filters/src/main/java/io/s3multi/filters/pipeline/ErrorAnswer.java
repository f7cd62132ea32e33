package io.s3multi.filters.pipeline;

import java.util.function.Supplier;

/**
 * The answer a stage meant to send for a failure, kept for the container's error page
 * ({@link ContainerErrorServlet}): in a WAR the container may take the answer out of the stage's hands (Tomcat
 * answers a failed body read with its own {@code sendError}), and then only its error page can still send it.
 *
 * @param status      the HTTP status
 * @param contentType the body's content type
 * @param body        renders the whole body (a short error document); called only if the error page runs, so
 *                    that the stage's own answer, the usual case, renders it once
 */
public record ErrorAnswer(int status, String contentType, Supplier<byte[]> body) {
}
