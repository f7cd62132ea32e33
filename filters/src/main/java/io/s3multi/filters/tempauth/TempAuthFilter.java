package io.s3multi.filters.tempauth;

import io.s3multi.filters.auth.AuthStage;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.filters.s3.SharedSwiftBackends;
import java.time.Clock;
import java.util.List;

/**
 * S3 users defined in the gateway's configuration, Swift tempauth style: verifies the request's signature and
 * attaches who sent it.
 *
 * <p>For an S3 request (see {@link S3Exchange}) that no earlier auth stage accepted:
 * <ul>
 *   <li>no credentials: passes it on (s3api answers {@code AccessDenied});</li>
 *   <li>malformed credentials: answers the parser's error ({@code AuthorizationHeaderMalformed},
 *       {@code InvalidArgument}, ...);</li>
 *   <li>an access key it does not know: passes it on untouched, because a later auth stage (s3token) may know
 *       it; if none does, s3api answers {@code InvalidAccessKeyId};</li>
 *   <li>a known key: checks the time ({@code RequestTimeTooSkewed}, or {@code AccessDenied} for an expired
 *       presigned URL) and the signature, compared in constant time ({@code SignatureDoesNotMatch}), and answers
 *       those errors itself as S3 XML; on success stores an {@link S3Authentication} (the identity, a Swift
 *       session obtained with the user's own tempauth credentials, the verified signature and its SigV4 key for
 *       the body's chunks) and the user name for the access log, then calls the next stage.</li>
 * </ul>
 * Native Swift requests pass untouched: Swift's own tempauth handles them. The request handling is
 * {@link AuthStage}'s; the users are {@link TempAuthUsers}.
 *
 * <p>The Swift client is the pipeline's shared one for {@code swift_url} ({@link SharedSwiftBackends}); tokens
 * are fetched when first needed and cached by it.
 *
 * <p><b>Position:</b> before s3multi and s3api.
 *
 * <table>
 *   <caption>Settings ({@code filter.tempauth.*})</caption>
 *   <tr><th>Setting</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code user_<account>_<user>}</td><td>(none)</td><td>{@code <key> [.admin] [.reseller_admin]}: S3
 *       access key {@code <account>:<user>}, secret {@code <key>}; must match Swift's tempauth user</td></tr>
 *   <tr><td>{@code user64_<account>_<user>}</td><td>(none)</td><td>the same with base64url names</td></tr>
 *   <tr><td>{@code swift_url}</td><td>{@code http://127.0.0.1:8081}</td><td>the Swift that issues the users'
 *       tokens</td></tr>
 *   <tr><td>{@code allowable_clock_skew}</td><td>{@code 900}</td><td>seconds the client's clock may be
 *       off</td></tr>
 *   <tr><td>{@code reseller_prefix}</td><td>{@code AUTH_}</td><td>prefix of the users' Swift accounts</td></tr>
 * </table>
 *
 * <p><b>Request attributes:</b> reads and writes {@link PipelineAttributes#S3_EXCHANGE}; writes
 * {@link PipelineAttributes#S3_AUTHENTICATION} and {@link PipelineAttributes#USER}.
 */
public final class TempAuthFilter extends AuthStage<TempAuthUsers> {

    /** @param region the gateway's region, which every SigV4 credential scope must name */
    public TempAuthFilter(TempAuthConfig config, List<String> storageDomains, String region, Clock clock) {
        super(storageDomains, config.swiftUrl(), new TempAuthUsers(config, region, clock));
    }
}
