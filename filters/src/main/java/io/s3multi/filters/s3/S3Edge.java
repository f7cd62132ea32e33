package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.AnswerCutOff;
import io.s3multi.filters.pipeline.ErrorAnswer;
import io.s3multi.filters.pipeline.LogSafe;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.s3.access.authorization.Authorized;
import io.s3multi.s3.error.S3ErrorXml;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.handler.PostObjectHandler;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.s3.post.PostSubmission;
import io.s3multi.s3.request.S3Operation;
import io.s3multi.s3.request.S3OperationClassifier;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 request edge that both S3 stages answer through: s3multi with the multipart dispatcher, s3api with the
 * dispatcher of every other operation. The stage decides which requests are its own; the edge answers them.
 *
 * <p>For an S3 request:
 * <ol>
 *   <li>the request must be valid S3 (the parser's {@code InvalidBucketName}, {@code InvalidURI}, ... otherwise;
 *       so a {@code *_segments} container is never reachable as a bucket);</li>
 *   <li>it is classified ({@link S3OperationClassifier}) and the operation's AWS name is stored for the access
 *       log;</li>
 *   <li>a browser form upload (PostObject) carries its credentials in its body: its form is read up to the file
 *       and its signature verified with the auth stages the request passed ({@link FormUploads}); the form is the
 *       call's body;</li>
 *   <li>it is authorized ({@link EdgeAuthorization}, the pipeline's {@link SharedAccess}): as the identity an auth
 *       stage (or the form's signature) vouched for ({@link S3Attributes#S3_AUTHENTICATION}), or as anonymous when
 *       it carried no credentials ({@code InvalidAccessKeyId} when it carried credentials no stage knew); refused:
 *       {@code AccessDenied};</li>
 *   <li>an {@link S3Call} (request, identity, the Swift account the authorization chose, a body source that
 *       decodes and verifies the servlet body with the verified signature's key, the clock, the request id) goes
 *       to the dispatcher; an operation that changed the bucket's ACL, policy, public access block, ownership or
 *       owner makes the authorization forget what it kept of the bucket;</li>
 *   <li>the {@link S3Response} is written: status, headers, {@code Content-Length}, the body streamed (none for
 *       HEAD), and {@code x-amz-request-id} on every answer.</li>
 * </ol>
 * One catch turns every failure into an S3 {@code <Error>} through {@link S3Failures}: S3 errors as they are, auth
 * and integrity failures (also inside an aborted Swift upload) by their codes, Swift failures through
 * {@code SwiftStatusMapper}, anything else an {@code InternalError} that is logged with its stack trace while the
 * client sees only the code and request id. A failure after the answer was committed cannot be reported any more:
 * it is logged in one short line (INFO when the client went away, WARN when the gateway or Swift failed) and
 * rethrown as {@link AnswerCutOff}, so that the container cuts the connection without logging it again and the
 * client sees a truncated answer, never a wrong one.
 *
 * <p>What the access log needs beyond the status goes into request attributes for proxy_logging: the S3 error
 * code of every error answer, also one a body wrote after its 200 (a failed CompleteMultipartUpload, logged at
 * WARN when it is a server error), {@code client-gone} or {@code cut-off} for answers cut short, and status 499
 * when the client's connection ended before its request body was complete (one INFO line; the client still gets
 * the S3 error if it listens). Every line shows the request with its credentials hidden ({@link LogSafe}).
 *
 * <p><b>Request attributes:</b> reads {@link S3Attributes#S3_EXCHANGE}, {@link S3Attributes#S3_AUTHENTICATION},
 * {@link S3Attributes#FORM_VERIFIERS},
 * {@link PipelineAttributes#TRANS_ID}; writes {@link PipelineAttributes#S3_OPERATION},
 * {@link PipelineAttributes#ACCESS_IDENTITY},
 * {@link PipelineAttributes#ACCESS_LOG_STATUS} and {@link PipelineAttributes#ACCESS_LOG_NOTE}.
 */
public final class S3Edge {

    private static final Logger LOG = LoggerFactory.getLogger(S3Edge.class);

    private final BiFunction<S3Operation, S3Call, S3Response> dispatcher;
    private final S3RequestParser parser;
    private final Clock clock;

    /**
     * @param dispatcher     runs one operation (e.g. {@code S3ApiDispatcher::dispatch})
     * @param storageDomains the pipeline's {@code storage_domain}s
     */
    public S3Edge(BiFunction<S3Operation, S3Call, S3Response> dispatcher, List<String> storageDomains, Clock clock) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.parser = new S3RequestParser(storageDomains);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Answers the request fully, with its result or its S3 error, when it is S3 and {@code mine} accepts it (the
     * stage's guard); passes it on to {@code next} untouched otherwise.
     */
    public void answerOrPass(ServletRequest req, ServletResponse res, FilterChain next, Predicate<S3Exchange> mine)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        S3Exchange exchange = S3Exchange.of(request, parser);
        if (!exchange.isS3() || !mine.test(exchange)) {
            next.doFilter(req, res);
            return;
        }
        answer(request, (HttpServletResponse) res, exchange);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, S3Exchange exchange)
            throws IOException {
        String requestId = RequestIds.of(request);
        var client = new ClientConnection();
        try {
            S3Request s3 = exchange.request();
            S3Operation operation = S3OperationClassifier.classify(s3);
            PipelineAttributes.S3_OPERATION.set(request, operation.apiName());
            // A browser form upload (PostObject) is signed in its body: its form is read and verified here.
            Optional<PostSubmission> form = FormUploads.read(request, operation, client, clock);
            Optional<S3Authentication> authentication = S3Attributes.S3_AUTHENTICATION.find(request)
                    .or(() -> form.flatMap(f -> FormUploads.authenticate(request, f)));
            // a form is authorized as the PutObject it amounts to: a policy names the form's key, not the bucket
            S3Request authorizedAs = form.map(f -> PostObjectHandler.asPut(s3, f)).orElse(s3);
            Authorized authorized = EdgeAuthorization.authorize(request, exchange, authorizedAs, operation,
                    authentication);
            S3Call call = authorized.call(s3, form.map(FormUploads::body).orElseGet(() -> new ServletBodySource(
                    request, exchange.head(), authentication.map(S3Authentication::signed).orElse(null),
                    authentication.flatMap(S3Authentication::chunkSigningKey).orElse(null), client)), clock,
                    requestId);
            S3Response answer = dispatcher.apply(operation, call);
            EdgeAuthorization.succeeded(request, operation, s3.bucket());
            S3ResponseWriter.write(answer, "HEAD".equals(request.getMethod()), requestId, response, client)
                    .ifPresent(error -> errorAfterTheStatus(request, requestId, error));
        } catch (RuntimeException | IOException failure) {
            S3Exception error = toS3(failure, exchange);
            keepForTheContainer(request, error, requestId);
            if (response.isCommitted()) {
                throw cutOff(request, requestId, client, failure);
            }
            if (client.failed()) {
                clientGoneEarly(request, response, requestId, error, failure);
                return;
            }
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

    /** The one place a failure becomes the S3 error the client is sent. */
    private static S3Exception toS3(Throwable failure, S3Exchange exchange) {
        return S3Failures.toS3(failure, exchange.requestIfValid().orElse(null));
    }

    /**
     * The S3 error, for the WAR's error page: Tomcat answers a failed body read with its own {@code sendError},
     * after which the response reports committed and only the container can still send the S3 answer.
     */
    private static void keepForTheContainer(HttpServletRequest request, S3Exception error, String requestId) {
        PipelineAttributes.ERROR_ANSWER.set(request, new ErrorAnswer(error.httpStatus(), S3ErrorXml.CONTENT_TYPE,
                () -> S3ErrorXml.render(error, requestId, null)));
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
            S3Exception error, Throwable failure) {
        LOG.info("{} {} {}: the client's connection ended before its request body did ({})", requestId,
                request.getMethod(), LogSafe.target(request), LogSafe.failure(failure));
        try {
            S3ErrorResponse.send(request, response, error.httpStatus() >= HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                    ? S3Exception.incompleteBody().withReason("client.gone") : error, requestId);
            response.flushBuffer();
        } catch (IOException | RuntimeException nobodyListens) {
            // the client is gone; the log line above is all there is to say
        }
        PipelineAttributes.ACCESS_LOG_STATUS.set(request, PipelineAttributes.CLIENT_CLOSED_REQUEST);
        PipelineAttributes.ACCESS_LOG_NOTE.set(request, PipelineAttributes.NOTE_CLIENT_GONE);
    }
}
