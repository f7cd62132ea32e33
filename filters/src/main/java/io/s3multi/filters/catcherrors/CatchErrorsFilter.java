package io.s3multi.filters.catcherrors;

import io.s3multi.filters.pipeline.GatewayHeaders;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.pipeline.PlainText;
import io.s3multi.filters.pipeline.RawPath;
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
 *       so the exception is rethrown and the container aborts the connection (Jetty aborts the response;
 *       Tomcat closes the connection), and the client sees a truncated response, not a wrong one.</li>
 * </ul>
 *
 * <p>Errors of the S3 dialect ({@code <Error>} XML) are written by the S3 stages themselves; this stage is the
 * last resort for what they did not catch.
 *
 * <p><b>Position:</b> first in the pipeline, so it covers every other stage.
 *
 * <table>
 *   <caption>Settings ({@code filter.catch_errors.*})</caption>
 *   <tr><th>Setting</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code trans_id_suffix}</td><td>(empty)</td><td>appended to every id; at most 32 of
 *       {@code A-Z a-z 0-9 . _ ~ -}</td></tr>
 * </table>
 *
 * <p><b>Request attributes:</b> writes {@link PipelineAttributes#TRANS_ID}.
 */
public final class CatchErrorsFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(CatchErrorsFilter.class);

    private final TransactionIds transactionIds;

    public CatchErrorsFilter(CatchErrorsConfig config, Clock clock) {
        this.transactionIds = new TransactionIds(clock, config.transIdSuffix());
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
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                LOG.warn("{} {} {} failed after the response was committed; aborting the connection: {}",
                        response.transId, request.getMethod(), RawPath.withQuery(request), e.toString());
                throw e;
            }
            LOG.error("{} {} {} failed", response.transId, request.getMethod(), RawPath.withQuery(request), e);
            writeInternalError(response);
        }
    }

    private static void writeInternalError(StampedResponse response) throws IOException {
        response.reset();
        PlainText.send(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                "Internal Server Error (transaction " + response.transId + ")\n");
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
