package io.s3multi.s3.lifecycle;

import io.s3multi.s3.operation.HttpDates;
import io.s3multi.s3.operation.S3Call;
import io.s3multi.s3.operation.S3Response;
import io.s3multi.swift.error.SwiftException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the lifecycle headers of {@link ExpirationNotice} to answers. The rules come from a {@link LifecycleLookup},
 * so on average this costs no Swift request (one per bucket and cache TTL; a bucket without a configuration is
 * cached as such). Failing to read the rules costs the header, never the answer.
 */
public final class ExpirationHeaders {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirationHeaders.class);

    /** No lifecycle configurations: no headers, no Swift requests. */
    public static final ExpirationHeaders NONE = new ExpirationHeaders(LifecycleLookup.NONE);

    private final Supplier<LifecycleLookup> lookup;

    public ExpirationHeaders(LifecycleLookup lookup) {
        Objects.requireNonNull(lookup, "lookup");
        this.lookup = () -> lookup;
    }

    /** @param lookup the lookup, found when a request needs it (one that another component publishes later) */
    public ExpirationHeaders(Supplier<LifecycleLookup> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * {@code x-amz-expiration} on a successful PutObject, GetObject or HeadObject of the current version: the
     * object's size and time come from the answer ({@code Content-Range} or {@code Content-Length},
     * {@code Last-Modified}; a PutObject answer has no time: now).
     */
    public S3Response onObject(S3Call call, S3Response answer) {
        if (answer.status() / 100 != 2 || call.request().param("versionId").isPresent()) {
            return answer;
        }
        Instant written = Optional.ofNullable(answer.header("Last-Modified")).flatMap(HttpDates::parse)
                .orElseGet(() -> call.clock().instant());
        long size = size(call, answer);
        notice(call).flatMap(notice -> notice.expiration(call.key(), size, written))
                .ifPresent(dated -> answer.withHeader(ExpirationNotice.EXPIRATION, dated.expirationHeader()));
        return answer;
    }

    /** {@code x-amz-abort-date} and {@code x-amz-abort-rule-id} on CreateMultipartUpload and ListParts. */
    public S3Response onUpload(S3Call call, Instant initiated, S3Response answer) {
        notice(call).flatMap(notice -> notice.abort(call.key(), initiated)).ifPresent(dated -> answer
                .withHeader(ExpirationNotice.ABORT_DATE, dated.httpDate())
                .withHeader(ExpirationNotice.ABORT_RULE_ID, dated.ruleId()));
        return answer;
    }

    private Optional<ExpirationNotice> notice(S3Call call) {
        try {
            return Optional.of(lookup.get().noticeFor(call.bucket()));
        } catch (SwiftException | RuntimeException unreadable) {
            LOG.warn("lifecycle headers left out: the configuration of bucket {} cannot be read: {}", call.bucket(),
                    unreadable.toString());
            return Optional.empty();
        }
    }

    /** The object's size: from a read's answer, or from a write's request. */
    private static long size(S3Call call, S3Response answer) {
        String range = answer.header("Content-Range");
        String length = range != null ? range.substring(range.lastIndexOf('/') + 1) : answer.header("Content-Length");
        if (length == null) {
            length = Optional.ofNullable(call.request().header("x-amz-decoded-content-length"))
                    .orElse(call.request().header("Content-Length"));
        }
        try {
            return length == null ? 0 : Long.parseLong(length.strip());
        } catch (NumberFormatException unknown) {
            return 0;
        }
    }
}
