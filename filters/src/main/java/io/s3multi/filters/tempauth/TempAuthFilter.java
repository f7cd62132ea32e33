package io.s3multi.filters.tempauth;

import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.s3.RequestIds;
import io.s3multi.filters.s3.S3Attributes;
import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.filters.s3.S3ErrorResponse;
import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.filters.s3.SharedSwiftBackends;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.auth.S3Authenticator;
import io.s3multi.s3.auth.S3Credential;
import io.s3multi.s3.auth.SecretAccessKey;
import io.s3multi.s3.auth.SignatureVerifier;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SigningKeyCache;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.request.S3RequestParser;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * Native Swift requests pass untouched: Swift's own tempauth handles them.
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
public final class TempAuthFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(TempAuthFilter.class);

    private final TempAuthConfig config;
    private final S3RequestParser parser;
    private final S3Authenticator<TempAuthUser> authenticator;
    private SwiftBackendLease swift;

    /** @param region the gateway's region, which every SigV4 credential scope must name */
    public TempAuthFilter(TempAuthConfig config, List<String> storageDomains, String region, Clock clock) {
        this.config = config;
        this.parser = new S3RequestParser(storageDomains);
        Map<String, S3Credential<TempAuthUser>> credentials = config.users().values().stream()
                .collect(Collectors.toUnmodifiableMap(TempAuthUser::accessKey,
                        user -> new S3Credential<>(user.accessKey(), SecretAccessKey.of(user.key()), user)));
        var verifier = new SignatureVerifier(clock, config.allowableClockSkew(), region, new SigningKeyCache());
        this.authenticator = new S3Authenticator<>(
                accessKey -> Optional.ofNullable(credentials.get(accessKey)), verifier);
    }

    @Override
    public void init(FilterConfig filterConfig) {
        swift = SwiftBackendLease.take(filterConfig.getServletContext(), config.swiftUrl());
    }

    @Override
    public void destroy() {
        if (swift != null) {
            swift.release();
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        S3Exchange exchange = S3Exchange.of(request, parser);
        if (!exchange.isS3() || S3Attributes.S3_AUTHENTICATION.find(request).isPresent()) {
            next.doFilter(request, response);
            return;
        }
        Optional<S3Authenticator.Authenticated<TempAuthUser>> who;
        SignedRequest signed;
        try {
            Optional<SignedRequest> claimed = exchange.signature();
            if (claimed.isEmpty()) {
                next.doFilter(request, response);
                return;
            }
            signed = claimed.get();
            who = authenticator.authenticate(signed);
        } catch (S3AuthException refused) {
            String requestId = RequestIds.of(request);
            LOG.debug("{} refused: {}", requestId, refused.toString());
            S3ErrorResponse.send(request, response, S3Failures.toS3(refused, null), requestId);
            return;
        }
        if (who.isPresent()) {
            TempAuthUser user = who.get().identity();
            S3Attributes.S3_AUTHENTICATION.set(request, new S3Authentication(
                    user.identity(config.resellerPrefix()),
                    swift.backend().tempAuthAccount(user.accessKey(), user.key()),
                    signed,
                    who.get().signature().signingKey().orElse(null)));
            PipelineAttributes.USER.set(request, user.accessKey());
        }
        next.doFilter(request, response);
    }
}
