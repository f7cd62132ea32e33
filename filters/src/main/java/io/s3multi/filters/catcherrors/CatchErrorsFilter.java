package io.s3multi.filters.catcherrors;

import io.s3multi.filters.pipeline.AnswerCutOff;
import io.s3multi.filters.pipeline.GatewayHeaders;
import io.s3multi.filters.pipeline.LogSafe;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.pipeline.PlainText;
import io.s3multi.filters.s3.S3ErrorResponse;
import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.request.S3RequestParser;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names every request and turns whatever escapes the later stages into a clean 500.
 *
 * <p>First it makes a transaction id ({@code tx<21 hex>-<10 hex seconds><suffix>}), stores it as the request
 * attribute {@link PipelineAttributes#TRANS_ID} and sets it as both {@code X-Trans-Id} and
 * {@code x-amz-request-id} on the response; the headers are set again if a later stage resets the response,
 * so every answer carries them. Then it calls the rest of the pipeline. Finally, if an exception escapes:
 * <ul>
 *   <li>response not yet committed: it is reset and replaced by {@code 500} with a short {@code text/plain}
 *       body naming the transaction, never a stack trace; the exception is logged with the id;</li>
 *   <li>response already committed: writing an error now would corrupt the body the client is receiving,
 *       so the failure is logged in one short line and rethrown as {@link AnswerCutOff}, and the container aborts
 *       the connection without logging it again (Jetty aborts the response; Tomcat closes the connection), and
 *       the client sees a truncated response, not a wrong one. An {@code AnswerCutOff} from a later stage was
 *       logged there and passes through silently.</li>
 * </ul>
 * Log lines show the request with its credentials hidden ({@link LogSafe}).
 *
 * <p>Errors of the S3 dialect ({@code <Error>} XML) are written by the S3 stages themselves; this stage is the
 * last resort for what they did not catch. For a request of the S3 API (as {@link S3Exchange} tells, with the
 * pipeline's {@code storage_domain}s) that last resort speaks S3 too: an {@code <Error>} document with
 * {@code InternalError} and the request id (no body for {@code HEAD}).
 *
 * <p><b>Position:</b> first in the pipeline, so it covers every other stage.
 *
 * <p><b>Settings</b> ({@code filter.catch_errors.*}): declared once, with defaults and meanings, in
 * {@link CatchErrorsConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> writes {@link PipelineAttributes#TRANS_ID}.
 */
public final class CatchErrorsFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(CatchErrorsFilter.class);

    private final TransactionIds transactionIds;
    private final S3RequestParser parser;

    /** A filter for path-style S3 requests only. */
    public CatchErrorsFilter(CatchErrorsConfig config, Clock clock) {
        this(config, clock, List.of());
    }

    /** @param storageDomains the pipeline's {@code storage_domain}s, to recognise virtual-host S3 requests */
    public CatchErrorsFilter(CatchErrorsConfig config, Clock clock, List<String> storageDomains) {
        this.transactionIds = new TransactionIds(clock, config.transIdSuffix());
        this.parser = new S3RequestParser(storageDomains);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = new StampedResponse((HttpServletResponse) res, transactionIds.next());
        PipelineAttributes.TRANS_ID.set(request, response.transId);
        GatewayHeaders.stamp(response, response.transId);
        try {
            next.doFilter(request, response);
        } catch (AnswerCutOff alreadyLogged) {
            throw alreadyLogged;
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                LOG.warn("{} {} {} failed after the response was committed; aborting the connection: {}",
                        response.transId, request.getMethod(), LogSafe.target(request), LogSafe.failure(e));
                throw new AnswerCutOff(response.transId, e);
            }
            LOG.error("{} {} {} failed", response.transId, request.getMethod(), LogSafe.target(request), e);
            writeInternalError(request, response);
        }
    }

    private void writeInternalError(HttpServletRequest request, StampedResponse response) throws IOException {
        if (isS3(request)) {
            S3ErrorResponse.send(request, response, S3Exception.internalError("escaped to catch_errors"),
                    response.transId);
            return;
        }
        response.reset();
        PlainText.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                "Internal Server Error (transaction " + response.transId + ")\n");
    }

    private boolean isS3(HttpServletRequest request) {
        try {
            return S3Exchange.of(request, parser).isS3();
        } catch (RuntimeException e) {
            return false;  // the last resort must answer; plain text will do
        }
    }

    /** Keeps the transaction headers on the response even when a later stage resets it. */
    private static final class StampedResponse extends HttpServletResponseWrapper {

        private final String transId;

        StampedResponse(HttpServletResponse response, String transId) {
            super(response);
            this.transId = transId;
        }

        @Override
        public void reset() {
            super.reset();
            GatewayHeaders.stamp(this, transId);
        }
    }
}
