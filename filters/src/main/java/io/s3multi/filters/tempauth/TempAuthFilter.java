package io.s3multi.filters.tempauth;

import io.s3multi.filters.auth.AuthStage;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.s3.S3Attributes;
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
 * <p><b>Settings</b> ({@code filter.tempauth.*}): declared once, with defaults and meanings, in
 * {@link TempAuthConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> reads and writes {@link S3Attributes#S3_EXCHANGE}; writes
 * {@link S3Attributes#S3_AUTHENTICATION} and {@link PipelineAttributes#USER}.
 */
public final class TempAuthFilter extends AuthStage<TempAuthUsers> {

    /** @param region the gateway's region, which every SigV4 credential scope must name */
    public TempAuthFilter(TempAuthConfig config, List<String> storageDomains, String region, Clock clock) {
        super(storageDomains, config.swiftUrl(), new TempAuthUsers(config, region, clock));
    }
}
