package io.s3multi.filters.pipeline;

import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.filters.s3.S3Exchange;

/**
 * Every request attribute the stages share, in one place.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>Key</th><th>Written by</th><th>Read by</th></tr>
 *   <tr><td>{@link #TRANS_ID}</td><td>catch_errors</td><td>every stage that logs or answers</td></tr>
 *   <tr><td>{@link #S3_OPERATION}</td><td>the S3 stage that classified the request</td><td>proxy_logging</td></tr>
 *   <tr><td>{@link #USER}</td><td>the auth stage that accepted the credentials</td><td>proxy_logging</td></tr>
 *   <tr><td>{@link #S3_EXCHANGE}</td><td>the first stage that asks whether a request is S3</td>
 *       <td>catch_errors, auth stages, s3api</td></tr>
 *   <tr><td>{@link #S3_AUTHENTICATION}</td><td>the auth stage that verified the signature</td>
 *       <td>later auth stages (to skip), s3api</td></tr>
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

    /** The request as the S3 stages see it, parsed once: S3 or not, bucket and key, signature. */
    public static final RequestAttribute<S3Exchange> S3_EXCHANGE =
            new RequestAttribute<>("s3multi.s3_exchange", S3Exchange.class);

    /** The identity, Swift account and verified signature an auth stage vouches for; absent when none did. */
    public static final RequestAttribute<S3Authentication> S3_AUTHENTICATION =
            new RequestAttribute<>("s3multi.s3_authentication", S3Authentication.class);

    private PipelineAttributes() {
    }
}
