package io.s3multi.filters.s3;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Lets botocore (awscli, boto3, s3transfer) upload through Tomcat.
 *
 * <p>Tomcat answers {@code Expect: 100-continue} with a status line that has no reason phrase,
 * {@code HTTP/1.1 100}. RFC 9110 allows it; botocore before 1.40.21 (Debian 12's awscli and boto3 among them)
 * takes it for a final answer, never sends its body and reports "Connection was closed before we received a
 * valid response". The same botocore sends its body unasked once it has waited one second for the 100. So on
 * Tomcat, whose Connector sends the 100 only when the body is first read ({@code continueResponseTiming="onRead"},
 * README), the first read of a botocore upload waits until botocore has given up waiting: the 100 then reaches a
 * client that is no longer looking for it, and Python's {@code http.client} skips it like any interim answer.
 * Every other client (the AWS SDKs, curl, rclone, s3cmd), and every client on Jetty, which sends
 * {@code 100 Continue}, reads on at once.
 */
final class BareContinueWait {

    /** botocore waits one second for the 100 after sending the headers; this leaves it a margin. */
    static final long WAIT_MILLIS = 1_100;

    private static final Pattern BOTOCORE = Pattern.compile("(?i)\\b(botocore|boto3|aws-cli)/");

    private BareContinueWait() {
    }

    /** Whether the first read of this request's body must wait for the client to send it unasked. */
    static boolean needed(HttpServletRequest request) {
        // The container first: on Jetty every upload of the AWS SDKs (which send Expect: 100-continue) would
        // otherwise search its User-Agent, some 200 characters, for botocore's names.
        String server = request.getServletContext().getServerInfo();
        if (server == null || !server.startsWith("Apache Tomcat")) {
            return false;
        }
        String expect = request.getHeader("Expect");
        String agent = request.getHeader("User-Agent");
        return expect != null && expect.trim().equalsIgnoreCase("100-continue")
                && agent != null && BOTOCORE.matcher(agent).find();
    }

    /** Waits the time botocore gives a 100 before it sends its body anyway. */
    static void await() throws java.io.InterruptedIOException {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted before reading the request body");
        }
    }
}
