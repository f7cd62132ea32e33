package io.s3multi.s3.handler.object;

import io.s3multi.s3.fuzz.FuzzOracle;
import io.s3multi.s3.fuzz.Mutations;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.operation.ObjectMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the object headers a client controls: {@code Range} (parsed, then resolved against object sizes, where
 * the resolved range must lie inside the object), {@code x-amz-copy-source}, the conditional headers of reads and
 * copies ({@code If-Match}, {@code If-None-Match}, {@code If-Modified-Since}, {@code If-Unmodified-Since} and their
 * {@code x-amz-copy-source-if-*} forms) evaluated against an object, and the metadata headers of a PUT
 * ({@code x-amz-meta-*}, {@code Content-Type} and the other stored content headers). See {@link FuzzOracle}.
 */
class ObjectHeadersFuzzTest {

    private static final String ETAG = "\"0cc175b9c0f1b6a831c399e269772661\"";
    private static final Instant MODIFIED = Instant.parse("2013-05-24T00:00:00Z");
    private static final long[] SIZES = {0, 1, 10, 1024, Long.MAX_VALUE};

    @Property
    void rangeHeadersResolveInsideTheObjectOrAreRefused(@ForAll("ranges") String header) {
        String outcome = FuzzOracle.run("ObjectHeadersFuzzTest.range", header, () -> {
            Optional<ByteRange> range = ByteRange.parse(header);
            if (range.isEmpty()) {
                return;
            }
            ByteRange.parse(range.get().toHeader()).orElseThrow(() -> new AssertionError("round trip"));
            for (long size : SIZES) {
                range.get().resolve(size).ifPresent(bounds -> {
                    if (bounds[0] < 0 || bounds[0] > bounds[1] || bounds[1] >= size) {
                        throw new AssertionError(bounds[0] + "-" + bounds[1] + " outside an object of " + size);
                    }
                    ByteRange.contentRange(bounds[0], bounds[1], size);
                });
            }
        });
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<String> ranges() {
        return nearValid("bytes=0-9", "bytes=-5", "bytes=100-", " bytes = 3 - 4 ", "bytes=0-0,5-9",
                "bytes=9223372036854775806-9223372036854775807");
    }

    @Property
    void copySourcesAreParsedOrRefused(@ForAll("copySources") String header) {
        String outcome = FuzzOracle.run("ObjectHeadersFuzzTest.copySource", header, () -> {
            CopySource source = CopySource.parse(header);
            if (source.bucket().isEmpty() || source.key().isEmpty()) {
                throw new AssertionError("empty bucket or key from " + header);
            }
        });
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<String> copySources() {
        return nearValid("/src-bucket/a/key.txt", "src-bucket/k%20%C3%A9?versionId=null", "/bucket/a+b%2Fc",
                "bucket/key?versionId=3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
    }

    @Property
    void conditionalHeadersAreEvaluatedOrRefused(@ForAll("conditions") Map<String, String> headers) {
        RequestHead head = head(headers);
        String outcome = FuzzOracle.run("ObjectHeadersFuzzTest.conditions", headers, () -> {
            for (Preconditions conditions : List.of(Preconditions.forRead(head), Preconditions.forCopySource(head))) {
                if (conditions.isPresent()) {
                    Preconditions.Outcome result = conditions.evaluate(ETAG, MODIFIED);
                    conditions.failedCondition(result);
                }
            }
        });
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<Map<String, String>> conditions() {
        Arbitrary<String> date = nearValid("Fri, 24 May 2013 00:00:00 GMT", "Friday, 24-May-13 00:00:00 GMT",
                "Fri May 24 00:00:00 2013", "Sat, 01 Jan 2000 00:00:00 +0000");
        Arbitrary<String> etags = nearValid(ETAG, "*", "\"a\", " + ETAG, "W/" + ETAG, "0cc175b9c0f1b6a831c399e269772661");
        Arbitrary<Tuple.Tuple2<String, String>> header = Arbitraries.oneOf(
                Arbitraries.of("If-Match", "If-None-Match", "x-amz-copy-source-if-match",
                        "x-amz-copy-source-if-none-match").flatMap(name -> etags.map(v -> Tuple.of(name, v))),
                Arbitraries.of("If-Modified-Since", "If-Unmodified-Since", "x-amz-copy-source-if-modified-since",
                        "x-amz-copy-source-if-unmodified-since").flatMap(name -> date.map(v -> Tuple.of(name, v))));
        return header.list().ofMaxSize(4).map(list -> {
            Map<String, String> map = new LinkedHashMap<>();
            list.forEach(t -> map.putIfAbsent(t.get1(), t.get2()));
            return map;
        }).withoutEdgeCases();
    }

    @Property
    void metadataHeadersAreStoredOrRefused(@ForAll("metadata") Map<String, String> headers) {
        RequestHead head = head(headers);
        String outcome = FuzzOracle.run("ObjectHeadersFuzzTest.metadata", headers,
                () -> ObjectMetadata.fromRequest(head));
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<Map<String, String>> metadata() {
        Arbitrary<String> name = nearValid("x-amz-meta-color", "x-amz-meta-s3multi-etag", "Content-Type",
                "Content-Disposition", "Content-Encoding", "Cache-Control", "Expires", "x-amz-meta-",
                "x-amz-storage-class", "x-amz-website-redirect-location", "x-amz-server-side-encryption",
                "x-amz-tagging", "x-amz-object-lock-mode", "x-amz-acl")
                .map(ObjectHeadersFuzzTest::asHeaderName);
        Arbitrary<String> value = Arbitraries.oneOf(nearValid("blue", "text/plain; charset=utf-8",
                "attachment; filename=\"a b.txt\"", "aws-chunked,gzip", "STANDARD", "=?UTF-8?B?w6k=?=",
                "Fri, 24 May 2013 00:00:00 GMT"), Arbitraries.integers().between(200, 2100).map("v"::repeat));
        return Arbitraries.maps(name, value).ofMaxSize(4).withoutEdgeCases();
    }

    /** What a container lets through as a header name: visible ASCII without ':'. */
    private static String asHeaderName(String name) {
        String kept = name.chars().filter(c -> c > ' ' && c < 127 && c != ':')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.isEmpty() ? "x-amz-meta-" : kept;
    }

    /** A valid value with up to four edits, or (one time in ten) random printable text. */
    static Arbitrary<String> nearValid(String... valid) {
        return Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.of(valid).flatMap(v -> Mutations.edits().map(e -> Mutations.apply(v, e)))),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(60)));
    }

    private static RequestHead head(Map<String, String> headers) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        headers.forEach((name, value) -> values.put(name, List.of(value)));
        return new RequestHead("GET", "/bucket/key", "", values);
    }

    @AfterContainer
    static void report() {
        FuzzOracle.report(ObjectHeadersFuzzTest.class);
    }
}
