package io.s3multi.filters.s3;

import io.s3multi.filters.pipeline.RawPath;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SignedRequestParser;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.request.AddressingStyle;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Optional;

/**
 * One client request as the S3 stages see it, worked out once and kept as the request attribute
 * {@link S3Attributes#S3_EXCHANGE}, so that catch_errors, the auth stages and s3api never parse twice nor
 * disagree.
 *
 * <p>It holds the servlet-free {@link RequestHead} (raw path and query, every header), whether the request
 * belongs to the S3 API at all, the parsed {@link S3Request}, and the parsed signature. A parse failure is kept
 * too and thrown again by the accessor that needs it: a stage that only wants to know "is this S3?" is not
 * disturbed by a bad bucket name, and the stage that answers the request reports exactly the parser's error.
 *
 * <pre>{@code
 * S3Exchange exchange = S3Exchange.of(request, parser);
 * if (!exchange.isS3()) { next.doFilter(request, response); return; }
 * Optional<SignedRequest> signed = exchange.signature();   // S3AuthException when malformed
 * S3Request s3 = exchange.request();                        // S3Exception when the URI is not valid S3
 * }</pre>
 *
 * <p>Only one thread works on a request at a time, so the lazily parsed signature needs no locking.
 */
public final class S3Exchange {

    private final RequestHead head;
    private final boolean s3;
    private final S3Request request;
    private final S3Exception requestFailure;
    private Optional<SignedRequest> signature;
    private RuntimeException signatureFailure;

    private S3Exchange(RequestHead head, boolean s3, S3Request request, S3Exception requestFailure) {
        this.head = head;
        this.s3 = s3;
        this.request = request;
        this.requestFailure = requestFailure;
    }

    /** The exchange of {@code request}: the cached one, or a new one parsed with {@code parser} and cached. */
    public static S3Exchange of(HttpServletRequest request, S3RequestParser parser) {
        Optional<S3Exchange> cached = S3Attributes.S3_EXCHANGE.find(request);
        if (cached.isPresent()) {
            return cached.get();
        }
        RequestHead head = headOf(request);
        S3Exchange exchange;
        if (!parser.isS3Request(head)) {
            exchange = new S3Exchange(head, false, null, null);
        } else {
            S3Request parsed = null;
            S3Exception failure = null;
            try {
                parsed = parser.parse(head);
            } catch (S3Exception e) {
                failure = e;
            }
            exchange = new S3Exchange(head, true, parsed, failure);
        }
        S3Attributes.S3_EXCHANGE.set(request, exchange);
        return exchange;
    }

    /** The servlet request's head: method, raw path below the context, raw query, every header value. */
    public static RequestHead headOf(HttpServletRequest request) {
        var headers = new RequestHead.Headers();
        for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
                headers.add(name, values.nextElement());
            }
        }
        return headers.head(request.getMethod(), RawPath.of(request), request.getQueryString());
    }

    /** Whether the request is for the S3 API (otherwise it is native Swift and no S3 stage touches it). */
    public boolean isS3() {
        return s3;
    }

    public RequestHead head() {
        return head;
    }

    /**
     * The parsed S3 request.
     *
     * @throws S3Exception the parser's error ({@code InvalidBucketName}, {@code InvalidURI}, ...)
     * @throws IllegalStateException for a request that is not S3
     */
    public S3Request request() {
        requireS3();
        if (requestFailure != null) {
            throw requestFailure;
        }
        return request;
    }

    /** The parsed request, or empty when the URI is not valid S3; never throws. */
    public Optional<S3Request> requestIfValid() {
        return Optional.ofNullable(request);
    }

    /**
     * The request's signature as sent, not verified; empty for an anonymous request.
     *
     * @throws io.s3multi.s3.auth.S3AuthException when the credentials are malformed (the parser's error)
     */
    public Optional<SignedRequest> signature() {
        requireS3();
        if (signature == null && signatureFailure == null) {
            // SigV2 signs the bucket of a virtual-host request as part of the resource; SigV4 does not need it.
            String hostBucket = request != null && request.addressing() == AddressingStyle.VIRTUAL_HOST
                    ? request.bucket()
                    : null;
            try {
                signature = SignedRequestParser.parse(head, hostBucket);
            } catch (RuntimeException e) {
                signatureFailure = e;
            }
        }
        if (signatureFailure != null) {
            throw signatureFailure;
        }
        return signature;
    }

    private void requireS3() {
        if (!s3) {
            throw new IllegalStateException("not an S3 request: " + head.method() + " " + head.rawPath());
        }
    }
}
