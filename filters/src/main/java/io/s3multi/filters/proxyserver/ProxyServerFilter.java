package io.s3multi.filters.proxyserver;

import io.s3multi.filters.pipeline.GatewayHeaders;
import io.s3multi.filters.pipeline.LogSafe;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.pipeline.PlainText;
import io.s3multi.filters.pipeline.RawPath;
import io.s3multi.filters.pipeline.VerbatimContentType;
import io.s3multi.swift.http.PushedUpload;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal stage: forwards native Swift API requests to the backend Swift, streaming, and answers 404 to
 * anything else.
 *
 * <p>A request reaches this stage only when no earlier stage answered it, so S3 requests never get here once
 * the S3 stages are in the pipeline. Requests under {@code /auth/}, {@code /v1/} and {@code /info} are sent to
 * {@code swift_url} exactly as they came:
 * <ul>
 *   <li>any method; the raw path and query, never decoded or re-encoded ({@code %2F}, {@code //} and
 *       {@code %25} stay as sent);</li>
 *   <li>every header except hop-by-hop ones (Connection and the headers it names, Keep-Alive, Proxy-*, TE,
 *       Trailer, Transfer-Encoding, Upgrade) and the gateway's reserved metadata ({@link ReservedMetadataGuard}:
 *       dropped, blanked on copies; {@code ?extract-archive} is refused with 400). The client's {@code Host} is kept, because Swift's tempauth
 *       builds {@code X-Storage-Url} from it, which sends clients back to the gateway. The gateway's
 *       transaction id goes along as {@code X-Trans-Id-Extra} (unless the client set one), so Swift's own
 *       transaction id, and its logs, contain the gateway's;</li>
 *   <li>the body streamed from the servlet input with the client's {@code Content-Length} (or chunked when
 *       the client sent chunked), never buffered whole, read by the request's own thread and pushed to the
 *       backend client ({@link PushedUpload}), so a slow client never holds one of the backend client's
 *       threads;</li>
 *   <li>the answer's status and headers (minus hop-by-hop ones and the gateway's own transaction headers)
 *       and its body, copied in chunks as they arrive.</li>
 * </ul>
 *
 * <p>When the exchange fails before anything was sent to the client, the answer is a short text: 502 when the
 * backend is unreachable or broke the exchange, 504 when it stayed silent for {@code idle_timeout} (or did not
 * accept a connection within {@code connect_timeout}), 503 when {@code max_queued_requests} requests already
 * wait for one of the {@code max_connections} connections. A backend that fails after the response was
 * committed makes this stage throw, and the container aborts the client's connection so the client sees a
 * truncated response, never a wrong one. Every wait is bounded by an idle timeout, so nothing hangs.
 *
 * <p>One exception to "exactly as they came": a successful change of a bucket's {@code X-Container-Read/Write}
 * is also applied to its {@code <bucket>_segments} container ({@link SegmentsAclMirror}), so that the ACLs guarding
 * multipart objects' bytes stay those of the bucket.
 *
 * <p>A second: in a container with S3 Object Lock, a DELETE, PUT or POST of an object that a retention or legal hold
 * protects, or switching the container's versioning off, is refused with 403 ({@link LockedObjectGuard}).
 *
 * <p>The backend client ({@link BackendClient}) is Jetty's {@code HttpClient}, one pool per filter instance,
 * started in {@link #init} and stopped in {@link #destroy}. It follows no redirects, keeps no cookies, answers no
 * authentication challenges, decodes no content and keeps header values as spelled: the client sees what Swift
 * sent, {@code Content-Type} included ({@link VerbatimContentType}). Request header names it knows go out in its
 * own spelling ({@code content-type} as {@code Content-Type}; values unchanged): names are case-insensitive in
 * HTTP, Swift reads them case-insensitively (WSGI), and keeping the client's spelling would mean adding each
 * known header as a field without its {@code HttpHeader}, by which Jetty's client finds the headers that frame a
 * request ({@code Content-Length}, {@code Transfer-Encoding}, {@code Expect}, {@code Host}).
 *
 * <p><b>Position:</b> last, and required.
 *
 * <p><b>Settings</b> ({@code filter.proxy_server.*}): declared once, with defaults and meanings, in
 * {@link ProxyServerConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> reads {@link PipelineAttributes#TRANS_ID}.
 */
public final class ProxyServerFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyServerFilter.class);

    static final String TRANS_ID_EXTRA = "X-Trans-Id-Extra";
    // Swift keeps only the first 32 characters of X-Trans-Id-Extra.
    private static final int TRANS_ID_EXTRA_LENGTH = 32;
    private static final int BUFFER_SIZE = 64 * 1024;

    private final ProxyServerConfig config;
    private BackendClient backend;
    private SegmentsAclMirror segmentsAcl;
    private LockedObjectGuard lockedObjects;

    public ProxyServerFilter(ProxyServerConfig config) {
        this.config = config;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            backend = BackendClient.start(config);
            segmentsAcl = new SegmentsAclMirror(backend, config);
            lockedObjects = new LockedObjectGuard(backend, config, Clock.systemUTC());
        } catch (Exception e) {
            throw new ServletException("cannot start the backend client for " + config.swiftUrl(), e);
        }
    }

    @Override
    public void destroy() {
        if (backend == null) {
            return;   // a container may destroy a filter whose init it never called (a test building the chain only)
        }
        try {
            backend.stop();
        } catch (Exception e) {
            LOG.warn("stopping the backend client for {} failed", config.swiftUrl(), e);
        }
    }

    /** Whether a raw path belongs to the native Swift API that this stage forwards. */
    static boolean isNativeSwift(String rawPath) {
        return rawPath.equals("/info") || rawPath.startsWith("/auth/") || rawPath.startsWith("/v1/");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next) throws IOException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        String rawPath = RawPath.of(request);
        if (!isNativeSwift(rawPath)) {
            PlainText.send(response, HttpServletResponse.SC_NOT_FOUND, "Not Found\n");
            return;
        }
        String refusal = ReservedMetadataGuard.refusal(request);
        if (refusal != null) {
            PlainText.send(response, HttpServletResponse.SC_BAD_REQUEST, refusal);
            return;
        }
        try {
            refusal = lockedObjects.refusal(request, rawPath);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while looking at " + config.swiftUrl());
        }
        if (refusal != null) {
            PlainText.send(response, HttpServletResponse.SC_FORBIDDEN, refusal);
            return;
        }
        forward(request, response);
    }

    private void forward(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Request exchange = backend.newRequest(request.getMethod(), RawPath.withQuery(request))
                .idleTimeout(config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(headers -> copyRequestHeaders(request, headers));
        ClientBody body = null;
        PushedUpload pushed = null;
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            body = new ClientBody(request.getInputStream());
            // Read on this thread, never on the backend client's: a slow client must not hold those.
            pushed = PushedUpload.attach(exchange, body, request.getContentLengthLong(), BUFFER_SIZE);
        }
        var listener = PushedUpload.send(exchange, pushed);
        Response head;
        try {
            // No deadline of our own: an upload may take hours, and the idle timeouts end every stalled wait.
            head = listener.get(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            fail(request, response, BackendFailure.classify(cause, body != null && body.failed()), cause);
            return;
        } catch (InterruptedException e) {
            exchange.abort(e);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + config.swiftUrl());
        }
        segmentsAcl.afterContainerUpdate(request, head.getStatus());
        response.setStatus(head.getStatus());
        copyResponseHeaders(head.getHeaders(), response);
        try (InputStream in = listener.getInputStream()) {
            copyBody(in, response.getOutputStream());
        } catch (BackendBodyException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            fail(request, response, BackendFailure.classify(e.getCause(), false), e.getCause());
        }
    }

    private static void copyRequestHeaders(HttpServletRequest request, HttpFields.Mutable headers) {
        HopByHopHeaders hopByHop = HopByHopHeaders.of(Collections.list(request.getHeaders("Connection")));
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!hopByHop.contains(name) && ReservedMetadataGuard.forwards(name)) {
                Collections.list(request.getHeaders(name))
                        .forEach(value -> headers.add(name, ReservedMetadataGuard.forwardedValue(name, value)));
            }
        }
        ReservedMetadataGuard.blankCopiedMetadata(request, headers);
        PipelineAttributes.TRANS_ID.find(request)
                .filter(transId -> !headers.contains(TRANS_ID_EXTRA))
                .ifPresent(transId -> headers.put(TRANS_ID_EXTRA,
                        transId.substring(0, Math.min(TRANS_ID_EXTRA_LENGTH, transId.length()))));
    }

    private static void copyResponseHeaders(HttpFields headers, HttpServletResponse response) {
        HopByHopHeaders hopByHop = HopByHopHeaders.of(headers.getValuesList(HttpHeader.CONNECTION));
        Set<String> seen = new HashSet<>();
        for (HttpField field : headers) {
            String name = field.getName();
            if (hopByHop.contains(name) || GatewayHeaders.isGatewayOwned(name)) {
                continue;
            }
            if (field.getHeader() == HttpHeader.CONTENT_LENGTH) {
                response.setContentLengthLong(field.getLongValue());
            } else if (field.getHeader() == HttpHeader.CONTENT_TYPE) {
                VerbatimContentType.set(response, field.getValue());
            } else if (seen.add(name.toLowerCase(Locale.ROOT))) {
                // set, not add: replaces what the container pre-filled (Date) instead of doubling it
                response.setHeader(name, field.getValue());
            } else {
                response.addHeader(name, field.getValue());
            }
        }
    }

    private static void copyBody(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw new BackendBodyException(e);
            }
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            if (in.available() == 0) {
                // The backend paused: hand the client what we have rather than hold it in the buffer.
                out.flush();
            }
        }
    }

    private static void fail(HttpServletRequest request, HttpServletResponse response, BackendFailure failure,
            Throwable cause) throws IOException {
        LOG.warn("{} {} {}: {} ({})", PipelineAttributes.TRANS_ID.getOrDefault(request, "-"), request.getMethod(),
                LogSafe.target(request), failure.reason(), LogSafe.failure(cause));
        PlainText.send(response, failure.status(), failure.reason() + "\n");
    }

    /** Reading the backend's body failed: the backend's fault, unlike a failed write to the client. */
    private static final class BackendBodyException extends IOException {

        private static final long serialVersionUID = 1L;

        BackendBodyException(IOException cause) {
            super("the backend failed while sending its body", cause);
        }
    }
}
