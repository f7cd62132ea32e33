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
 * <table>
 *   <caption>Settings ({@code filter.s3multi.*})</caption>
 *   <tr><th>Setting</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code min_part_size}</td><td>{@code 5242880}</td><td>least size of every part but the last
 *       (EntityTooSmall)</td></tr>
 *   <tr><td>{@code max_parts}</td><td>{@code 10000}</td><td>greatest part number</td></tr>
 *   <tr><td>{@code max_parts_listing}</td><td>{@code 1000}</td><td>most parts per ListParts page</td></tr>
 *   <tr><td>{@code max_uploads_listing}</td><td>{@code 1000}</td><td>most uploads per ListMultipartUploads
 *       page</td></tr>
 *   <tr><td>{@code heartbeat_interval}</td><td>{@code 10}</td><td>seconds between the spaces a long Complete
 *       writes to keep the connection alive</td></tr>
 *   <tr><td>{@code claim_timeout}</td><td>{@code 8}</td><td>seconds after which a Complete's or Abort's claim
 *       on an upload that its holder stopped refreshing (a gateway that died) is taken over; holders refresh every
 *       quarter of it</td></tr>
 *   <tr><td>{@code max_manifest_segments}</td><td>{@code 0}</td><td>segments per SLO manifest before nesting;
 *       0: Swift's {@code slo.max_manifest_segments} from {@code /info}</td></tr>
 *   <tr><td>{@code swift_url}</td><td>{@code http://127.0.0.1:8081}</td><td>the Swift whose {@code /info} is
 *       read</td></tr>
 * </table>
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
