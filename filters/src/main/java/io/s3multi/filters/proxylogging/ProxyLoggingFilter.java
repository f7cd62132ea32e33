package io.s3multi.filters.proxylogging;

import io.s3multi.filters.pipeline.LogSafe;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.pipeline.RawPath;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one access-log line per client request, with the body bytes that really moved.
 *
 * <p>First it wraps the request and response so that every body byte the later stages read or write is
 * counted. Then it calls the rest of the pipeline. Finally it builds an {@link AccessRecord} (time, client (the
 * connection's address, or behind {@code trusted_proxies} the one {@code X-Forwarded-For} names,
 * {@link ForwardedClient}),
 * method, raw path and query with credentials hidden by {@link LogSafe}, status, bytes in, bytes out, duration,
 * transaction id, S3 operation, user, the S3 principal with the Swift identity used, note), has it logged at
 * INFO to the logger {@code access_log_name} by a thread of its own ({@link AccessLogWriter}: the request's thread neither formats the line nor waits for the console;
 * no line is lost, {@link #destroy} writes those still waiting), and hands it to every
 * {@linkplain #addListener listener}. When an exception escapes before anything was committed, the line
 * says 500, which is what catch_errors will send. A stage may ask for another status
 * ({@link PipelineAttributes#ACCESS_LOG_STATUS}: 499 when the client's connection ended before its body did) and
 * add a note ({@link PipelineAttributes#ACCESS_LOG_NOTE}: the S3 error code, also one sent inside a 200;
 * {@code client-gone}; {@code cut-off}), so monitoring sees what the status alone hides.
 *
 * <p>It also counts the requests with a body still in progress ({@link #uploadsInFlight()}), for the metrics.
 *
 * <p>Listeners are how tests and monitoring see the counters without parsing logs: a test can prove that a
 * server-side copy moved no object bytes through the gateway by checking {@code bytesIn} and
 * {@code bytesOut} of its request. They run on the request thread after the chain returned and must be quick.
 *
 * <p><b>Position:</b> right after catch_errors, so the transaction id exists and every later stage's work is
 * counted and timed.
 *
 * <p><b>Settings</b> ({@code filter.proxy_logging.*}): declared once, with defaults and meanings, in
 * {@link ProxyLoggingConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> reads {@link PipelineAttributes#TRANS_ID}, {@link PipelineAttributes#S3_OPERATION},
 * {@link PipelineAttributes#USER}, {@link PipelineAttributes#ACCESS_IDENTITY},
 * {@link PipelineAttributes#ACCESS_LOG_STATUS} and
 * {@link PipelineAttributes#ACCESS_LOG_NOTE} after the chain returns.
 */
public final class ProxyLoggingFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyLoggingFilter.class);

    private final AccessLogWriter accessLog;
    private final ForwardedClient clients;
    private final Clock clock;
    private final List<Consumer<AccessRecord>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger uploadsInFlight = new AtomicInteger();

    public ProxyLoggingFilter(ProxyLoggingConfig config, Clock clock) {
        this.accessLog = new AccessLogWriter(LoggerFactory.getLogger(config.accessLogName()));
        this.clients = new ForwardedClient(config.trustedProxies());
        this.clock = clock;
    }

    /** Calls {@code listener} with the record of every request that completes from now on. */
    public void addListener(Consumer<AccessRecord> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<AccessRecord> listener) {
        listeners.remove(listener);
    }

    /** Requests with a body (a length above 0, or chunked) that have not been answered yet: uploads in progress. */
    public int uploadsInFlight() {
        return uploadsInFlight.get();
    }

    /**
     * Waits until the lines of the requests completed so far are written, at most {@code patience}.
     *
     * @return whether they were
     */
    public boolean flushAccessLog(Duration patience) throws InterruptedException {
        return accessLog.flush(patience);
    }

    /** Writes the access-log lines still waiting. */
    @Override
    public void destroy() {
        accessLog.close();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = new CountingRequest((HttpServletRequest) req);
        var response = new CountingResponse((HttpServletResponse) res);
        Instant start = clock.instant();
        long startNanos = System.nanoTime();
        boolean upload = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (upload) {
            uploadsInFlight.incrementAndGet();
        }
        boolean escaped = true;
        try {
            next.doFilter(request, response);
            response.flushWriter();
            escaped = false;
        } finally {
            if (upload) {
                uploadsInFlight.decrementAndGet();
            }
            int status = PipelineAttributes.ACCESS_LOG_STATUS.find(request).orElse(escaped && !response.isCommitted()
                    ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                    : response.getStatus());
            publish(new AccessRecord(start, clients.of(request), request.getMethod(), RawPath.of(request),
                    LogSafe.query(request.getQueryString()), status, request.bytesRead(),
                    response.bytesWritten(), Duration.ofNanos(System.nanoTime() - startNanos),
                    PipelineAttributes.TRANS_ID.getOrDefault(request, null),
                    PipelineAttributes.S3_OPERATION.getOrDefault(request, null),
                    PipelineAttributes.USER.getOrDefault(request, null),
                    PipelineAttributes.ACCESS_IDENTITY.getOrDefault(request, null),
                    PipelineAttributes.ACCESS_LOG_NOTE.getOrDefault(request, null)));
        }
    }

    private void publish(AccessRecord record) {
        accessLog.write(record);
        for (Consumer<AccessRecord> listener : listeners) {
            try {
                listener.accept(record);
            } catch (RuntimeException e) {
                LOG.warn("access record listener {} failed for {}", listener, record.transId(), e);
            }
        }
    }
}
