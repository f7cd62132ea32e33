package io.s3multi.filters.pipeline;

/**
 * Every request attribute all stages share, in one place; the ones that carry S3 types live with the S3 stages
 * ({@code S3Attributes}), so that this package knows nothing of S3.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>Key</th><th>Written by</th><th>Read by</th></tr>
 *   <tr><td>{@link #TRANS_ID}</td><td>catch_errors</td><td>every stage that logs or answers</td></tr>
 *   <tr><td>{@link #S3_OPERATION}</td><td>the S3 stage that classified the request</td><td>proxy_logging</td></tr>
 *   <tr><td>{@link #USER}</td><td>the auth stage that accepted the credentials</td><td>proxy_logging</td></tr>
 *   <tr><td>{@link #ACCESS_IDENTITY}</td><td>the S3 stage that authorized the request</td><td>proxy_logging</td></tr>
 *   <tr><td>{@link #ACCESS_LOG_STATUS}</td><td>s3multi, s3api (the client's connection ended before its body did)</td>
 *       <td>proxy_logging</td></tr>
 *   <tr><td>{@link #ACCESS_LOG_NOTE}</td><td>every stage that answers an S3 error; s3multi, s3api for answers cut off or
 *       ending in an error after a 200</td><td>proxy_logging</td></tr>
 *   <tr><td>{@link #ERROR_ANSWER}</td><td>s3multi, s3api when a request fails</td><td>the WAR's error page
 *       ({@code ContainerErrorServlet})</td></tr>
 * </table>
 */
public final class PipelineAttributes {

    /** The transaction id of this client request, e.g. {@code tx9f3c...-00673f1a2b}. */
    public static final RequestAttribute<String> TRANS_ID =
            new RequestAttribute<>("s3multi.trans_id", String.class);

    /** The AWS API name of the S3 operation, e.g. {@code PutObject}; absent for native Swift requests. */
    public static final RequestAttribute<String> S3_OPERATION =
            new RequestAttribute<>("s3multi.s3_operation", String.class);

    /** The authenticated identity as shown in logs, e.g. {@code test:tester}; absent when anonymous. */
    public static final RequestAttribute<String> USER =
            new RequestAttribute<>("s3multi.user", String.class);

    /**
     * Who an S3 request was authorized as and which Swift identity it acted with, for the access log:
     * {@code <principal>@own} (the requester's own Swift session) or {@code <principal>@service:<account>} (the
     * gateway's service identity in the bucket owner's account); the principal is the user's ARN or
     * {@code anonymous}. Only the principal when the request was refused.
     */
    public static final RequestAttribute<String> ACCESS_IDENTITY =
            new RequestAttribute<>("s3multi.access_identity", String.class);

    /**
     * The status the access log shows instead of the one sent: {@link #CLIENT_CLOSED_REQUEST} when the client's
     * connection ended (closed, or half-closed) before its request body was complete.
     */
    public static final RequestAttribute<Integer> ACCESS_LOG_STATUS =
            new RequestAttribute<>("s3multi.access_log_status", Integer.class);

    /**
     * What went wrong, for the access log's last field: the S3 error code answered (also one written into the body
     * of a 200, as a failed CompleteMultipartUpload does), {@link #NOTE_CLIENT_GONE} or {@link #NOTE_CUT_OFF}.
     */
    public static final RequestAttribute<String> ACCESS_LOG_NOTE =
            new RequestAttribute<>("s3multi.access_log_note", String.class);

    /** The answer a stage meant to send for a failure, for the container's error page ({@link ErrorAnswer}). */
    public static final RequestAttribute<ErrorAnswer> ERROR_ANSWER =
            new RequestAttribute<>("s3multi.error_answer", ErrorAnswer.class);

    /** nginx's status for a request whose client closed the connection before the answer: never sent. */
    public static final int CLIENT_CLOSED_REQUEST = 499;

    /** The client's connection failed while its request body was read or its answer written. */
    public static final String NOTE_CLIENT_GONE = "client-gone";

    /** The answer was cut off after it was committed, because the gateway or Swift failed. */
    public static final String NOTE_CUT_OFF = "cut-off";

    private PipelineAttributes() {
    }
}
