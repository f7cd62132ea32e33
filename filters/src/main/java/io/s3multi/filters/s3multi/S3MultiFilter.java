package io.s3multi.filters.s3multi;

import io.s3multi.filters.s3.S3Exchange;
import io.s3multi.filters.s3.SharedBucketRegistry;
import io.s3multi.filters.s3.SwiftBackendLease;
import io.s3multi.filters.s3api.S3ApiFilter;
import io.s3multi.s3.handler.RegistryMissingBucket;
import io.s3multi.s3.multipart.MultipartDispatcher;
import io.s3multi.s3.request.S3OperationClassifier;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import io.s3multi.swift.error.SwiftException;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

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
 * id, access-log operation name) is s3api's: this stage runs an {@link S3ApiFilter} built with the multipart
 * dispatcher for exactly the requests it answers, so both stages behave the same at the edge. A request that is
 * not valid S3 or not a multipart operation goes on to s3api, which reports it.
 *
 * <p>Another account's bucket, its uploads and UploadPartCopy sources in it are {@code AccessDenied}, told apart
 * from missing ones by the bucket registry that the s3api stage publishes ({@code SharedBucketRegistry}); without
 * one they are the 404s of the caller's own account.
 *
 * <p><b>Position:</b> after the auth stages (tempauth, s3token), before s3api.
 *
 * <p><b>Settings</b> ({@code filter.s3multi.*}): declared once, with defaults and meanings, in
 * {@link S3MultiConfig#SETTINGS}; listed in {@code docs/CONFIGURATION.md}.
 */
public final class S3MultiFilter implements Filter {

    private final S3MultiConfig config;
    private final S3RequestParser parser;
    private final S3ApiFilter edge;
    private volatile SwiftBackendLease swift;
    private volatile ServletContext context;

    S3MultiFilter(S3MultiConfig config, List<String> storageDomains, Clock clock) {
        this.config = config;
        this.parser = new S3RequestParser(storageDomains);
        var dispatcher = new MultipartDispatcher(config.multipart(), this::maxManifestSegments,
                (call, bucket) -> RegistryMissingBucket.fromRegistry(SharedBucketRegistry.in(context)).answer(call, bucket));
        this.edge = new S3ApiFilter(dispatcher::dispatch, storageDomains, clock);
    }

    @Override
    public void init(FilterConfig filterConfig) {
        context = filterConfig.getServletContext();
        swift = SwiftBackendLease.take(filterConfig.getServletContext(), config.swiftUrl());
    }

    @Override
    public void destroy() {
        if (swift != null) {
            swift.release();
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain next)
            throws IOException, ServletException {
        S3Exchange exchange = S3Exchange.of((HttpServletRequest) req, parser);
        if (exchange.isS3() && isMultipart(exchange.requestIfValid())) {
            edge.doFilter(req, res, next);
        } else {
            next.doFilter(req, res);
        }
    }

    private static boolean isMultipart(Optional<S3Request> request) {
        if (request.isEmpty()) {
            return false;
        }
        try {
            return MultipartDispatcher.handles(S3OperationClassifier.classify(request.get()));
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
