package io.s3multi.s3.auth;

import io.s3multi.s3.http.RequestHead;
import java.util.Optional;

/**
 * Finds which of the four ways an S3 request can be signed this request uses, and parses it.
 *
 * <table>
 *   <caption>Recognised forms</caption>
 *   <tr><th>where</th><th>marker</th><th>result</th></tr>
 *   <tr><td>header</td><td>{@code Authorization: AWS4-HMAC-SHA256 ...}</td><td>{@link SigV4Request}</td></tr>
 *   <tr><td>query</td><td>{@code X-Amz-Algorithm}, {@code X-Amz-Credential} or {@code X-Amz-Signature}</td>
 *       <td>{@link SigV4Request}, presigned</td></tr>
 *   <tr><td>header</td><td>{@code Authorization: AWS <key>:<signature>}</td><td>{@link SigV2Request}</td></tr>
 *   <tr><td>query</td><td>{@code AWSAccessKeyId} or {@code Signature}</td><td>{@link SigV2Request}, presigned</td></tr>
 * </table>
 *
 * <p>A request with none of them is anonymous ({@link Optional#empty()}); one with two of them, or with another
 * Authorization scheme, is refused with {@code InvalidArgument} as S3 does. Malformed credentials fail here, with
 * the code S3 uses; nothing here needs a secret or the clock.
 */
public final class SignedRequestParser {

    private SignedRequestParser() {
    }

    /** Parses a path-style (or service-level) request. */
    public static Optional<SignedRequest> parse(RequestHead head) {
        return parse(head, null);
    }

    /**
     * @param virtualHostBucket the bucket named by the Host header of a virtual-hosted-style request, or
     *                          {@code null}; SigV2 signs it as part of the resource, SigV4 does not need it
     */
    public static Optional<SignedRequest> parse(RequestHead head, String virtualHostBucket) {
        QueryParameters query = QueryParameters.parse(head.rawQuery());
        if (head.headerValues("Authorization").size() > 1) {
            // Which one a proxy on the way would pass on is anyone's guess; never pick one silently.
            throw S3AuthException.invalidArgument("Only one Authorization header may be sent",
                    "Authorization", String.join(", ", head.headerValues("Authorization")));
        }
        String authorization = head.header("Authorization");
        authorization = authorization == null ? null : authorization.trim();
        boolean v4Query = query.contains("X-Amz-Algorithm") || query.contains("X-Amz-Credential")
                || query.contains("X-Amz-Signature");
        boolean v2Query = query.contains("AWSAccessKeyId") || query.contains("Signature");
        int mechanisms = (authorization != null ? 1 : 0) + (v4Query ? 1 : 0) + (v2Query ? 1 : 0);
        if (mechanisms > 1) {
            throw S3AuthException.invalidArgument("Only one auth mechanism allowed; only the X-Amz-Algorithm query "
                    + "parameter, Signature query string parameter or the Authorization header should be specified",
                    "Authorization", authorization);
        }
        if (authorization != null) {
            if (authorization.startsWith(SigV4Request.ALGORITHM)) {
                return Optional.of(SigV4Parser.fromHeader(head, query, authorization));
            }
            if (authorization.startsWith("AWS ")) {
                return Optional.of(SigV2Parser.fromHeader(head, query, authorization, virtualHostBucket));
            }
            throw S3AuthException.invalidArgument("Unsupported Authorization Type", "Authorization", authorization);
        }
        if (v4Query) {
            return Optional.of(SigV4Parser.fromQuery(head, query));
        }
        if (v2Query) {
            return Optional.of(SigV2Parser.fromQuery(head, query, virtualHostBucket));
        }
        return Optional.empty();
    }
}
