package io.s3multi.filters.tus;

import io.s3multi.filters.pipeline.LogSafe;
import io.s3multi.filters.pipeline.PipelineAttributes;
import io.s3multi.filters.pipeline.ServiceIdentity;
import io.s3multi.filters.s3.RequestIds;
import io.s3multi.filters.s3.SharedMultipartSettings;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.filters.s3multi.S3MultiFilter;
import io.s3multi.s3.multipart.CompletionHandler;
import io.s3multi.s3.multipart.FinishLocks;
import io.s3multi.s3.multipart.MultipartSettings;
import io.s3multi.s3.operation.S3Failures;
import io.s3multi.s3.processing.BackgroundCompletions;
import io.s3multi.s3.processing.ProcessingSteps;
import io.s3multi.s3.tus.TusAnswer;
import io.s3multi.s3.tus.TusCall;
import io.s3multi.s3.tus.TusException;
import io.s3multi.s3.tus.TusHandler;
import io.s3multi.s3.tus.TusUploadRef;
import io.s3multi.s3.tus.UploadCapability;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * tus 1.0.0 resumable uploads under {@code filter.tus.path} (default {@code /tus}), stored as multipart uploads
 * (see {@code io.s3multi.s3.tus}). {@code POST <path>/<bucket>/} creates an upload, which lives at
 * {@code <path>/<bucket>/<upload id>}: HEAD, PATCH, DELETE; OPTIONS on any of them answers discovery. Extensions:
 * creation, creation-with-upload, creation-defer-length, termination, concatenation, checksum, expiration.
 * {@code X-HTTP-Method-Override} on a POST stands for its method. Every answer carries {@code Tus-Resumable};
 * a request naming another version is answered 412 with {@code Tus-Version}. Errors are plain text.
 *
 * <p>Who may: see {@link TusAccess}. CORS for tus comes from the bucket's CORS configuration, applied by the cors
 * stage ({@link TusMount}). Every other request passes on untouched.
 *
 * <p><b>Position:</b> after the auth stages (tempauth, s3token), before s3multi and s3api.
 *
 * <p>With processing steps (stage {@code s3multi}), HEAD on a complete upload shows {@code Upload-Processing}, and
 * {@code Prefer: respond-async} on the request that stores the last byte answers {@code 202} with the upload's URL
 * in {@code Location} while the steps run in the background (docs/TUS.md, "Processing").
 *
 * <p><b>Settings</b> ({@code filter.tus.*}): declared in {@link TusConfig#SETTINGS}, listed in
 * {@code docs/CONFIGURATION.md}: path, key_prefix, max_size, expiration, piece_size, secret, swift_url.
 *
 * <p><b>Request attributes:</b> reads {@code S3Attributes.S3_AUTHENTICATION} (the creation POST); writes
 * {@link PipelineAttributes#S3_OPERATION} ({@code tus.<method>}) for the access log. <b>Context attributes:</b>
 * reads the s3multi stage's processing steps and {@code claim_timeout} ({@link SharedMultipartSettings}; without an
 * s3multi stage: no steps, the default 8 s).
 */
public final class TusFilter implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(TusFilter.class);
    /** Completions after a {@code 202}: at most this many at once, and this many waiting; then synchronously. */
    private static final int BACKGROUND_THREADS = 4;
    private static final int BACKGROUND_QUEUE = 64;

    private final TusConfig config;
    private final ServiceIdentity service;
    private final Clock clock;
    private volatile SwiftBackendLease swift;
    private volatile TusHandler handler;
    private volatile TusAccess access;
    private volatile ServletContext context;
    private volatile BackgroundCompletions background;

    TusFilter(TusConfig config, ServiceIdentity service, Clock clock) {
        this.config = config;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void init(FilterConfig filterConfig) {
        context = filterConfig.getServletContext();
        swift = SwiftBackendLease.take(context, config.swiftUrl());
        background = new BackgroundCompletions(BACKGROUND_THREADS, BACKGROUND_QUEUE);
        access = new TusAccess(service, () -> swift.backend());
        TusMount.publish(context, new TusMount(config.path()));
    }

    /**
     * The handler, built at the first request. What it shares with the s3multi stage (the processing steps,
     * {@code filter.s3multi.processing_*}, and the claim timeout that keeps Complete, Abort and PATCH apart,
     * {@code filter.s3multi.claim_timeout}, and the gateway's {@link FinishLocks}, so that a tus completion and an
     * S3 Complete or Abort of one upload are ordered exactly here) is published by that stage's {@code init}, which
     * the container may run after this one's.
     */
    private TusHandler handler() {
        TusHandler built = handler;
        if (built == null) {
            synchronized (this) {
                built = handler;
                if (built == null) {
                    built = newHandler(SharedMultipartSettings.in(context).claimTimeout(),
                            SharedMultipartSettings.locksIn(context));
                    handler = built;
                }
            }
        }
        return built;
    }

    private TusHandler newHandler(Duration claimTimeout, FinishLocks finishLocks) {
        IntSupplier maxSegments = () -> {
            try {
                return swift.backend().info().maxManifestSegments();
            } catch (io.s3multi.swift.error.SwiftException e) {
                throw new java.io.UncheckedIOException("cannot read Swift's /info", e);
            }
        };
        // Looked up when an upload completes: the steps in force are those the s3multi stage holds then.
        ServletContext shared = context;
        ProcessingSteps steps = ProcessingSteps.deferred(
                () -> (ProcessingSteps) shared.getAttribute(S3MultiFilter.PROCESSING_STEPS));
        var completion = new CompletionHandler(new MultipartSettings(0, 10_000, 1000, 1000, Duration.ofSeconds(10),
                claimTimeout), maxSegments, steps, finishLocks);
        return new TusHandler(config.tus(), new UploadCapability(TusSecret.of(config.secret(), service)),
                completion, claimTimeout, steps, background);
    }

    @Override
    public void destroy() {
        if (context != null) {
            TusMount.withdraw(context);
        }
        if (background != null) {
            background.close();
        }
        SwiftBackendLease.releaseIfTaken(swift);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        var request = (HttpServletRequest) req;
        var response = (HttpServletResponse) res;
        var path = TusPath.parse(config.path(), request);
        if (path.isEmpty()) {
            next.doFilter(req, res);
            return;
        }
        String method = TusPath.method(request, null);
        PipelineAttributes.S3_OPERATION.set(request, "tus." + method);
        response.setHeader("Tus-Resumable", TusHandler.VERSION);
        try {
            TusAnswer answer = answer(request, method, path.get());
            response.setStatus(answer.status());
            answer.headers().forEach(response::setHeader);
            if (answer.status() == 202 && !answer.headers().containsKey("Location")) {
                // Prefer: respond-async on a PATCH: the status URL is the upload's own (its HEAD).
                response.setHeader("Location", request.getRequestURL().toString());
            }
            response.setContentLength(0);
        } catch (TusException refused) {
            sendError(response, refused.status(), refused.getMessage());
        } catch (S3Exception failure) {
            sendError(response, failure.httpStatus(), failure.code().wireCode());
        } catch (IOException | RuntimeException failure) {
            S3Exception error = failure instanceof IOException broken
                    && !(failure instanceof io.s3multi.swift.error.SwiftException)
                    ? S3Failures.fromBodyFailure(broken) : S3Failures.toS3(failure, null);
            if (error.httpStatus() >= 500) {
                LOG.warn("{} {} {}: {}", RequestIds.of(request), method, LogSafe.target(request), error.summary(),
                        failure);
            } else {
                LOG.info("{} {} {}: {}", RequestIds.of(request), method, LogSafe.target(request), error.summary());
            }
            if (!response.isCommitted()) {
                sendError(response, error.httpStatus(), error.code().wireCode());
            }
        }
    }

    private TusAnswer answer(HttpServletRequest request, String method, TusPath path)
            throws IOException, io.s3multi.swift.error.SwiftException {
        if ("OPTIONS".equals(method)) {
            return TusHandler.discovery(config.tus().maxSize());
        }
        if (!TusHandler.VERSION.equals(request.getHeader("Tus-Resumable"))) {
            throw new TusException(412, "Tus-Resumable: this server speaks tus " + TusHandler.VERSION);
        }
        if (path.bucket().isEmpty()) {
            throw new TusException(404, "not a tus URL: " + config.path() + "/<bucket>/[<upload id>]");
        }
        if (path.uploadId().isEmpty()) {
            if (!"POST".equals(method)) {
                throw new TusException(405, "the bucket's tus URL takes POST (creation) and OPTIONS");
            }
            TusAccess.Actor creator = access.creator(request);
            return handler().create(call(request, creator), creator.account(), path.bucket(),
                    upload -> location(request, upload));
        }
        TusUploadRef upload = handler().capability().verify(path.bucket(), path.uploadId().get())
                .orElseThrow(() -> new TusException(404, "no such upload"));
        TusCall call = call(request, access.onUpload(request, upload));
        return switch (method) {
            case "HEAD" -> handler().head(call, upload);
            case "PATCH" -> handler().patch(call, upload);
            case "DELETE" -> handler().terminate(call, upload);
            default -> throw new TusException(405, "an upload takes HEAD, PATCH, DELETE and OPTIONS");
        };
    }

    private TusCall call(HttpServletRequest request, TusAccess.Actor actor) throws IOException {
        long length = request.getContentLengthLong();
        if (length < 0 && request.getHeader("Transfer-Encoding") == null) {
            length = 0;
        }
        return new TusCall(actor.swift(), actor.identity(), request::getHeader, request.getInputStream(), length,
                clock, RequestIds.of(request));
    }

    private String location(HttpServletRequest request, TusUploadRef upload) {
        String base = request.getRequestURL().toString();
        int pathStart = base.indexOf(request.getRequestURI());
        String origin = pathStart < 0 ? "" : base.substring(0, pathStart);
        return origin + request.getContextPath() + config.path() + "/" + upload.bucket() + "/"
                + handler().capability().idOf(upload);
    }

    private static void sendError(HttpServletResponse response, int status, String message) throws IOException {
        if (status == 412) {
            response.setHeader("Tus-Version", TusHandler.VERSION);
        }
        byte[] text = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }
}
