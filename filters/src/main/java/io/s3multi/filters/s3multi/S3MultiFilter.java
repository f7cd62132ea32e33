package io.s3multi.filters.s3multi;

import io.s3multi.filters.s3.S3Edge;
import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.filters.s3.SharedBucketRegistry;
import io.s3multi.filters.s3.SharedMultipartSettings;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.s3.handler.RegistryMissingBucket;
import io.s3multi.s3.handler.bucket.RegistryAclRules;
import io.s3multi.s3.lifecycle.ExpirationHeaders;
import io.s3multi.s3.multipart.FinishLocks;
import io.s3multi.s3.multipart.MultipartDispatcher;
import io.s3multi.s3.processing.ConfiguredSteps;
import io.s3multi.s3.processing.ProcessingSteps;
import io.s3multi.s3.request.S3OperationClassifier;
import io.s3multi.s3.request.S3Request;
import io.s3multi.swift.error.SwiftException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The multipart upload API on {@code <bucket>_segments} and SLO (see {@code io.s3multi.s3.multipart}): answers
 * CreateMultipartUpload, UploadPart, UploadPartCopy, CompleteMultipartUpload, AbortMultipartUpload, ListParts
 * and ListMultipartUploads, and passes every other request on unchanged.
 *
 * <p>The edge work (authenticated identity, S3Call, writing the S3Response or the S3 {@code <Error>}, request
 * id, access-log operation name) is {@link S3Edge}'s, the same that s3api answers through, here with the
 * multipart dispatcher for exactly the requests this stage answers ({@code S3Operation.isMultipart()}). A request
 * that is not valid S3 or not a multipart operation goes on to s3api, which reports it.
 *
 * <p>Another account's bucket, its uploads and UploadPartCopy sources in it are {@code AccessDenied}, told apart
 * from missing ones by the bucket registry that the s3api stage publishes ({@code SharedBucketRegistry}); without
 * one they are the 404s of the caller's own account.
 *
 * <p><b>Position:</b> after the auth stages (tempauth, s3token), before s3api.
 *
 * <p><b>Settings</b> ({@code filter.s3multi.*}): declared once, with defaults and meanings, in
 * {@link S3MultiConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 *
 * <p><b>Request attributes:</b> those of {@link S3Edge}. <b>Context attributes:</b> {@link #PROCESSING_STEPS}, the
 * processing steps ({@code processing_*} settings) every completed upload passes before it is published; the
 * multipart settings ({@link SharedMultipartSettings}), whose {@code claim_timeout} the other stages that claim
 * uploads (tus, s3api's background jobs) keep to, and the gateway's {@link FinishLocks}, which tus shares.
 */
public final class S3MultiFilter implements Filter {

    /** The servlet context attribute holding this stage's {@link ProcessingSteps}. */
    public static final String PROCESSING_STEPS = ProcessingSteps.class.getName();

    private final S3MultiConfig config;
    private final S3Edge edge;
    private final ProcessingSteps processing;
    private final FinishLocks finishLocks;
    private volatile SwiftBackendLease swift;
    private volatile ServletContext context;

    S3MultiFilter(S3MultiConfig config, List<String> storageDomains, Clock clock) {
        this.config = config;
        this.processing = ConfiguredSteps.of(config.processing());
        this.finishLocks = new FinishLocks(config.multipart().claimTimeout());
        var dispatcher = new MultipartDispatcher(config.multipart(), this::maxManifestSegments,
                (call, bucket) -> RegistryMissingBucket.fromRegistry(SharedBucketRegistry.in(context))
                        .answer(call, bucket), new ExpirationHeaders(() -> SharedBucketRegistry.lifecyclesIn(context)),
                RegistryAclRules.of(() -> SharedBucketRegistry.in(context)), processing, finishLocks);
        this.edge = new S3Edge(dispatcher::dispatch, storageDomains, clock);
    }

    @Override
    public void init(FilterConfig filterConfig) {
        context = filterConfig.getServletContext();
        // Other stages (tus) finish uploads through the same steps and show their state.
        context.setAttribute(PROCESSING_STEPS, processing);
        // tus finishes uploads with the same locks, so its completions and S3's Complete and Abort wait for each
        // other here, not only through the claim in Swift.
        SharedMultipartSettings.publish(context, config.multipart(), finishLocks);
        swift = SwiftBackendLease.take(filterConfig.getServletContext(), config.swiftUrl());
    }

    @Override
    public void destroy() {
        SwiftBackendLease.releaseIfTaken(swift);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        edge.answerOrPass(req, res, next, S3MultiFilter::isMultipart);
    }

    /** Whether this stage answers the request: valid S3 and a multipart operation (s3api reports the rest). */
    private static boolean isMultipart(S3Exchange exchange) {
        Optional<S3Request> request = exchange.requestIfValid();
        if (request.isEmpty()) {
            return false;
        }
        try {
            return S3OperationClassifier.classify(request.get()).isMultipart();
        } catch (RuntimeException notClassifiable) {
            return false;   // s3api reports it
        }
    }

    private int maxManifestSegments() {
        if (config.maxManifestSegments() > 0) {
            return config.maxManifestSegments();
        }
        try {
            return swift.backend().info().maxManifestSegments();
        } catch (SwiftException e) {
            throw new UncheckedIOException("cannot read Swift's /info for slo.max_manifest_segments", e);
        }
    }
}
