package io.s3multi.s3.multipart;

import io.s3multi.s3.error.S3ErrorXml;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.operation.S3Body;
import io.s3multi.s3.xml.S3Xml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The body of a CompleteMultipartUpload answer, which does the long work while it is written, as AWS does: the
 * status 200 and the XML declaration go out after one heartbeat interval, then a space every interval while Swift
 * checks the segments and stores the manifest (clients and proxies would otherwise drop an idle connection), then
 * the {@code CompleteMultipartUploadResult} or, when the work failed, an {@code <Error>} document in the same 200
 * body (AWS SDKs look for it).
 *
 * <p>Work that ends within the first interval (the usual case) answers before anything was sent, so the headers
 * it learned ({@link Answer}: {@code x-amz-version-id} of the new object version) still go out with the answer.
 * Longer work has sent the status and headers already: its late headers are lost (see docs/VERSIONING.md).
 *
 * <p>If the body is closed without being written (the client went away before the answer started), the work
 * is not done and {@link Work#abandon()} releases what the handler had claimed.
 */
final class HeartbeatBody implements S3Body {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatBody.class);
    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "s3multi-complete-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /** A result document with headers of the answer that the work learned ({@code x-amz-version-id}). */
    record Answer(Object document, Map<String, String> headers) {
    }

    /** The work whose result the body carries. */
    interface Work {
        /** Does the work; returns the result document (or an {@link Answer}) or throws the S3 error to show. */
        Object run();

        /** Releases what was claimed for the work, when it will never run. */
        void abandon();
    }

    private final Work work;
    private final Duration interval;
    private final String requestId;
    private boolean started;
    private volatile S3Exception errorWritten;

    HeartbeatBody(Work work, Duration interval, String requestId) {
        this.work = work;
        this.interval = interval;
        this.requestId = requestId;
    }

    @Override
    public long length() {
        return -1;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        writeTo(out, (name, value) -> { });
    }

    @Override
    public void writeTo(OutputStream out, BiConsumer<String, String> lateHeaders) throws IOException {
        started = true;
        Object lock = new Object();
        boolean[] clientGone = {false};
        boolean[] begun = {false};
        ScheduledFuture<?> beats = HEARTBEATS.scheduleAtFixedRate(() -> {
            synchronized (lock) {
                if (clientGone[0]) {
                    return;
                }
                try {
                    if (!begun[0]) {
                        begun[0] = true;
                        out.write(DECLARATION);
                    }
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    // The work goes on: its outcome must be consistent whether or not anyone listens.
                    clientGone[0] = true;
                }
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        byte[] answer;
        Map<String, String> headers = Map.of();
        try {
            Object outcome = work.run();
            if (outcome instanceof Answer withHeaders) {
                headers = withHeaders.headers();
                outcome = withHeaders.document();
            }
            answer = withoutDeclaration(S3Xml.toBytes(outcome));
        } catch (S3Exception e) {
            errorWritten = e;
            answer = withoutDeclaration(S3ErrorXml.render(e, requestId, null));
        } catch (RuntimeException e) {
            LOG.error("{} CompleteMultipartUpload failed after its answer started", requestId, e);
            errorWritten = S3Exception.internalError(e.getClass().getSimpleName(), e);
            answer = withoutDeclaration(S3ErrorXml.render(errorWritten, requestId, null));
        } finally {
            beats.cancel(false);
        }
        synchronized (lock) {
            if (!begun[0]) {
                headers.forEach(lateHeaders);
                out.write(DECLARATION);
            }
            out.write(answer);
            out.flush();
        }
    }

    @Override
    public Optional<S3Exception> errorWritten() {
        return Optional.ofNullable(errorWritten);
    }

    @Override
    public void close() {
        if (!started) {
            started = true;
            work.abandon();
        }
    }

    private static byte[] withoutDeclaration(byte[] document) {
        String text = new String(document, StandardCharsets.UTF_8);
        if (text.startsWith("<?xml")) {
            text = text.substring(text.indexOf("?>") + 2).stripLeading();
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
