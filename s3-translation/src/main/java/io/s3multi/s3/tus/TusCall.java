package io.s3multi.s3.tus;

import io.s3multi.s3.operation.S3Identity;
import io.s3multi.swift.SwiftAccount;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One tus request, as the protocol logic sees it: who acts, on which Swift account, the request's headers and body.
 *
 * @param swift         the Swift account the upload lives in, with a token that may write it
 * @param identity      who acts (the S3 identity of the creation, or the account's for an upload URL)
 * @param headers       the request header of a name, or {@code null}
 * @param body          the request body
 * @param contentLength its {@code Content-Length}, -1 when sent chunked
 * @param clock         the time
 * @param requestId     the transaction id
 */
public record TusCall(SwiftAccount swift, S3Identity identity, UnaryOperator<String> headers, InputStream body,
        long contentLength, Clock clock, String requestId) {

    public TusCall {
        Objects.requireNonNull(swift, "swift");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(requestId, "requestId");
    }

    /**
     * This call without the request's headers and body, for work that goes on after the answer (the servlet
     * container recycles the request).
     */
    TusCall detached() {
        return new TusCall(swift, identity, name -> null, InputStream.nullInputStream(), 0, clock, requestId);
    }

    String header(String name) {
        return headers.apply(name);
    }
}
