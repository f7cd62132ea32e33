package io.s3multi.webapp;

import io.s3multi.filters.pipeline.ClientLimits;
import io.s3multi.filters.pipeline.ClientTooSlowException;
import java.time.Duration;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Fails a request body that arrives slower than {@code server.min_upload_rate}, so that a client trickling its
 * upload (a byte every 29 s keeps any idle timeout of 30 s happy) cannot hold a request thread for ever.
 *
 * <p>The rate is measured over the time the gateway spent <em>waiting</em> for the body, not the time since the
 * request began: while the gateway itself is not reading (Swift is slow to take the bytes, a Keystone check runs)
 * the client is not to blame. Each time {@code upload_rate_period} of waiting has added up, the bytes that arrived
 * meanwhile must be at least {@code min_upload_rate} per second of it; otherwise reading the body fails with a
 * {@link ClientTooSlowException} (the S3 stages answer {@code 400 RequestTimeout}, proxy_server {@code 408}) and the
 * connection is closed. The check runs when bytes arrive; a client that sends nothing at all is ended by the
 * connector's idle timeout ({@code server.idle_timeout}). A thread waits on a hostile client at most about
 * {@code upload_rate_period + idle_timeout}.
 *
 * <p>Jetty 12's own {@code HttpConfiguration.minRequestDataRate} is not enforced by Jetty 12, and its
 * {@code MinimumDataRateHandler} counts the bytes of all requests together (12.1.x): neither bounds one client.
 */
final class MinimumUploadRateHandler extends Handler.Wrapper {

    private final long minBytesPerSecond;
    private final long periodNanos;

    MinimumUploadRateHandler(Handler handler, ClientLimits limits) {
        super(handler);
        this.minBytesPerSecond = limits.minUploadRate();
        this.periodNanos = limits.uploadRatePeriod().toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new RateCheckedRequest(request), response, callback);
    }

    /** One request's body, timed while the application waits for it. Read by one thread at a time. */
    private final class RateCheckedRequest extends Request.Wrapper {

        private long waitingSince = -1;
        private long waitedNanos;
        private long bytesInPeriod;
        private Content.Chunk failure;

        RateCheckedRequest(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            if (failure != null) {
                return failure;
            }
            Content.Chunk chunk = super.read();
            long now = NanoTime.now();
            if (chunk == null) {
                if (waitingSince < 0) {
                    waitingSince = now;   // nothing there: the application will wait for the client now
                }
                return null;
            }
            if (waitingSince >= 0) {
                waitedNanos += now - waitingSince;
                waitingSince = -1;
            }
            bytesInPeriod += chunk.remaining();
            if (waitedNanos >= periodNanos) {
                if (bytesInPeriod * 1_000_000_000L < minBytesPerSecond * waitedNanos) {
                    chunk.release();
                    failure = Content.Chunk.from(new ClientTooSlowException("request body arrived at "
                            + bytesInPeriod * 1_000_000_000L / waitedNanos + " bytes/s over "
                            + Duration.ofNanos(waitedNanos).toMillis() + " ms of waiting, below the minimum of "
                            + minBytesPerSecond + " bytes/s"), true);
                    return failure;
                }
                waitedNanos = 0;
                bytesInPeriod = 0;
            }
            return chunk;
        }
    }
}
