package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.RequestAttribute;

/**
 * The request attributes only the S3 stages share; the ones every stage shares are in
 * {@link io.s3multi.filters.pipeline.PipelineAttributes}, which knows nothing of S3 types.
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><th>Key</th><th>Written by</th><th>Read by</th></tr>
 *   <tr><td>{@link #S3_EXCHANGE}</td><td>the first stage that asks whether a request is S3</td>
 *       <td>catch_errors, auth stages, s3multi, s3api</td></tr>
 *   <tr><td>{@link #S3_AUTHENTICATION}</td><td>the auth stage that verified the signature</td>
 *       <td>later auth stages (to skip), s3multi, s3api</td></tr>
 *   <tr><td>{@link #FORM_VERIFIERS}</td><td>each auth stage an unsigned request passes</td>
 *       <td>s3api (a browser form's own signature)</td></tr>
 * </table>
 */
public final class S3Attributes {

    /** The request as the S3 stages see it, parsed once: S3 or not, bucket and key, signature. */
    public static final RequestAttribute<S3Exchange> S3_EXCHANGE =
            new RequestAttribute<>("s3multi.s3_exchange", S3Exchange.class);

    /** The identity, Swift account and verified signature an auth stage vouches for; absent when none did. */
    public static final RequestAttribute<S3Authentication> S3_AUTHENTICATION =
            new RequestAttribute<>("s3multi.s3_authentication", S3Authentication.class);

    /** The auth stages an unsigned request passed, to verify a browser form's signature with; absent when none. */
    public static final RequestAttribute<FormVerifiers> FORM_VERIFIERS =
            new RequestAttribute<>("s3multi.form_verifiers", FormVerifiers.class);

    private S3Attributes() {
    }
}
