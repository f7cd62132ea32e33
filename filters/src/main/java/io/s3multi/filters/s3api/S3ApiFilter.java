package io.s3multi.filters.s3api;

import io.s3multi.filters.pipeline.AnswerCutOff;
import io.s3multi.filters.pipeline.LogSafe;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.s3.RequestIds;
import io.s3multi.filters.s3.S3Authentication;
import io.s3multi.filters.s3.S3ErrorResponse;
import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.filters.s3.S3Failures;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.request.S3Operation;
import io.s3multi.s3.request.S3OperationClassifier;
import io.s3multi.s3.request.S3Request;
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
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 API: answers every S3 request that reaches it, by way of
 * {@link io.s3multi.s3.handler.S3ApiDispatcher}; native Swift requests pass on to proxy_server untouched.
 *
 * <p>For an S3 request:
 * <ol>
 *   <li>the request must be valid S3 (the parser's {@code InvalidBucketName}, {@code InvalidURI}, ... otherwise;
 *       so a {@code *_segments} container is never reachable as a bucket);</li>
 *   <li>an auth stage must have vouched for it ({@link PipelineAttributes#S3_AUTHENTICATION}); otherwise the
 *       answer is {@code InvalidAccessKeyId} when it carried credentials no stage knew, {@code AccessDenied}
 *       when it was anonymous (or the parser's error when the credentials were malformed);</li>
 *   <li>it is classified ({@link S3OperationClassifier}), the operation's AWS name is stored for the access log,
 *       and an {@link S3Call} (request, identity, Swift account, a body source that decodes and verifies the
 *       servlet body with the verified signature's key, the clock, the request id) goes to the dispatcher;</li>
 *   <li>the {@link S3Response} is written: status, headers, {@code Content-Length}, the body streamed (none for
 *       HEAD), and {@code x-amz-request-id} on every answer.</li>
 * </ol>
 * One catch at the edge turns every failure into an S3 {@code <Error>} through {@link S3Failures}: S3 errors as
 * they are, auth and integrity failures (also inside an aborted Swift upload) by their codes, Swift failures
 * through {@code SwiftStatusMapper}, anything else an {@code InternalError} that is logged with its stack trace
 * while the client sees only the code and request id. A failure after the answer was committed cannot be
 * reported any more: it is logged in one short line (INFO when the client went away, WARN when the gateway or
 * Swift failed) and rethrown as {@link AnswerCutOff}, so that the container cuts the connection without logging
 * it again and the client sees a truncated answer, never a wrong one.
 *
 * <p>What the access log needs beyond the status goes into request attributes for proxy_logging: the S3 error
 * code of every error answer, also one a body wrote after its 200 (a failed CompleteMultipartUpload, logged at
 * WARN when it is a server error), {@code client-gone} or {@code cut-off} for answers cut short, and status 499
 * when the client's connection ended before its request body was complete (one INFO line; the client still gets
 * the S3 error if it listens). Every line shows the request with its credentials hidden ({@link LogSafe}).
 *
 * <p><b>Position:</b> after the auth stages (tempauth, s3token) and s3multi; before proxy_server.
 *
 * <table>
 *   <caption>Settings ({@code filter.s3api.*})</caption>
 *   <tr><th>Setting</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code max_bucket_listing}</td><td>{@code 1000}</td><td>most keys in one listing page</td></tr>
 *   <tr><td>{@code max_multi_delete_objects}</td><td>{@code 1000}</td><td>most keys in one DeleteObjects</td></tr>
 *   <tr><td>{@code bucket_registry_user}</td><td>(empty)</td><td>Swift tempauth user {@code account:user} of the
 *       registry that keeps bucket names unique across accounts; empty: no registry</td></tr>
 *   <tr><td>{@code bucket_registry_key}</td><td>(empty)</td><td>that user's key</td></tr>
 *   <tr><td>{@code swift_url}</td><td>{@code http://127.0.0.1:8081}</td><td>the Swift that holds the registry's
 *       account (opened only when a registry user is set)</td></tr>
 * </table>
 * The top-level {@code storage_domain} enables virtual-host style requests; the top-level {@code region} is every
 * bucket's location (GetBucketLocation, the one {@code LocationConstraint} CreateBucket accepts).
 *
 * <p><b>Request attributes:</b> reads {@link PipelineAttributes#S3_EXCHANGE},
 * {@link PipelineAttributes#S3_AUTHENTICATION}, {@link PipelineAttributes#TRANS_ID}; writes
 * {@link PipelineAttributes#S3_OPERATION}, {@link PipelineAttributes#ACCESS_LOG_STATUS} and
 * {@link PipelineAttributes#ACCESS_LOG_NOTE}.
 */
public final class S3ApiFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(S3ApiFilter.class);

    private volatile BiFunction<S3Operation, S3Call, S3Response> dispatcher;
    private final S3ApiRegistryBinding registry;
    private final S3RequestParser parser;
    private final Clock clock;

    /**
     * @param dispatcher     runs one operation (normally {@code S3ApiDispatcher::dispatch})
     * @param storageDomains the pipeline's {@code storage_domain}s
     */
    public S3ApiFilter(BiFunction<S3Operation, S3Call, S3Response> dispatcher, List<String> storageDomains,
            Clock clock) {
        this.dispatcher = dispatcher;
        this.registry = null;
        this.parser = new S3RequestParser(storageDomains);
        this.clock = clock;
    }

    /**
     * The stage as configured: its dispatcher, with the bucket registry the settings name, is built in
     * {@link #init} (the registry's Swift backend is shared through the servlet context).
     */
    S3ApiFilter(S3ApiRegistryBinding registry, List<String> storageDomains, Clock clock) {
        this.registry = registry;
        this.parser = new S3RequestParser(storageDomains);
        this.clock = clock;
    }

    @Override
    public void init(FilterConfig filterConfig) {
        if (registry != null) {
            dispatcher = registry.bind(filterConfig.getServletContext())::dispatch;
        }
    }

    @Override
    public void destroy() {
        if (registry != null) {
            registry.unbind();
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        S3Exchange exchange = S3Exchange.of(request, parser);
        if (!exchange.isS3()) {
            next.doFilter(request, response);
            return;
        }
        String requestId = RequestIds.of(request);
        var client = new ClientConnection();
        try {
            S3Request s3 = exchange.request();
            S3Authentication authentication = PipelineAttributes.S3_AUTHENTICATION.find(request)
                    .orElseThrow(() -> unauthenticated(exchange));
            S3Operation operation = S3OperationClassifier.classify(s3);
            PipelineAttributes.S3_OPERATION.set(request, operation.apiName());
            var call = new S3Call(s3, authentication.identity(), authentication.swift(),
                    new ServletBodySource(request, exchange.head(), authentication, client), clock, requestId);
            S3Response answer = dispatcher.apply(operation, call);
            S3ResponseWriter.write(answer, "HEAD".equals(request.getMethod()), requestId, response, client)
                    .ifPresent(error -> errorAfterTheStatus(request, requestId, error));
        } catch (RuntimeException | IOException failure) {
            if (response.isCommitted()) {
                throw cutOff(request, requestId, client, failure);
            }
            if (client.failed()) {
                clientGoneEarly(request, response, requestId, exchange, failure);
                return;
            }
            S3Exception error = S3Failures.toS3(failure, exchange.requestIfValid().orElse(null));
            if (error.httpStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                LOG.error("{} {} {}: {}", requestId, request.getMethod(), LogSafe.target(request),
                        error.summary(), failure);
            } else {
                LOG.debug("{} {} {}: {}", requestId, request.getMethod(), LogSafe.target(request),
                        error.summary());
            }
            S3ErrorResponse.send(request, response, error, requestId);
        }
    }

    /** A body answered 200 and then wrote an {@code <Error>}: the status says success, the log must not. */
    private static void errorAfterTheStatus(HttpServletRequest request, String requestId, S3Exception error) {
        PipelineAttributes.ACCESS_LOG_NOTE.set(request, error.code().wireCode());
        if (error.httpStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
            LOG.warn("{} {} {}: answered 200, then {} in the body", requestId, request.getMethod(),
                    LogSafe.target(request), error.summary());
        } else {
            LOG.debug("{} {} {}: answered 200, then {} in the body", requestId, request.getMethod(),
                    LogSafe.target(request), error.summary());
        }
    }

    /** The answer broke after it began: one line, and an exception the container cuts the connection for. */
    private static AnswerCutOff cutOff(HttpServletRequest request, String requestId, ClientConnection client,
            Throwable failure) {
        if (client.failed()) {
            PipelineAttributes.ACCESS_LOG_NOTE.set(request, PipelineAttributes.NOTE_CLIENT_GONE);
            LOG.info("{} {} {}: the client went away during the answer ({})", requestId, request.getMethod(),
                    LogSafe.target(request), LogSafe.failure(failure));
        } else {
            PipelineAttributes.ACCESS_LOG_NOTE.set(request, PipelineAttributes.NOTE_CUT_OFF);
            LOG.warn("{} {} {}: the answer failed after it began; cutting the connection ({})", requestId,
                    request.getMethod(), LogSafe.target(request), LogSafe.failure(failure));
        }
        return new AnswerCutOff(requestId, failure);
    }

    /**
     * The client's connection ended before its request body did: the client's doing, not a server error. It is
     * still sent the S3 error (a client that only shut its sending half reads it); the access log says 499.
     */
    private static void clientGoneEarly(HttpServletRequest request, HttpServletResponse response, String requestId,
            S3Exchange exchange, Throwable failure) {
        LOG.info("{} {} {}: the client's connection ended before its request body did ({})", requestId,
                request.getMethod(), LogSafe.target(request), LogSafe.failure(failure));
        try {
            S3Exception error = S3Failures.toS3(failure, exchange.requestIfValid().orElse(null));
            S3ErrorResponse.send(request, response, error.httpStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                    ? S3Exception.incompleteBody().withReason("client.gone") : error, requestId);
            response.flushBuffer();
        } catch (IOException | RuntimeException nobodyListens) {
            // the client is gone; the log line above is all there is to say
        }
        PipelineAttributes.ACCESS_LOG_STATUS.set(request, PipelineAttributes.CLIENT_CLOSED_REQUEST);
        PipelineAttributes.ACCESS_LOG_NOTE.set(request, PipelineAttributes.NOTE_CLIENT_GONE);
    }

    /** Why a request no auth stage vouched for is refused: its credentials are unknown, or it has none. */
    private static S3Exception unauthenticated(S3Exchange exchange) {
        Optional<SignedRequest> signed = exchange.signature();
        return signed.isPresent()
                ? S3Exception.invalidAccessKeyId(signed.get().accessKey())
                : S3Exception.accessDenied();
    }
}
