package io.s3multi.s3.multipart;

import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.fuzz.FuzzOracle;
import io.s3multi.s3.fuzz.Mutations;
import io.s3multi.s3.handler.bucket.ContinuationToken;
import io.s3multi.s3.handler.bucket.KeyEncoding;
import io.s3multi.s3.handler.bucket.MaxKeys;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.request.PartNumbers;
import io.s3multi.s3.request.S3Operation;
import io.s3multi.s3.request.S3OperationClassifier;
import io.s3multi.s3.request.S3Request;
import io.s3multi.s3.request.S3RequestParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes how a request head becomes an operation and its arguments: {@link S3RequestParser} (S3 or Swift, path- or
 * virtual-host-style, bucket names, key decoding and length), {@link S3OperationClassifier}, and every parameter
 * and header parser the operations then apply: listing parameters ({@code max-keys}, {@code max-uploads},
 * {@code max-parts}, {@code part-number-marker}, {@code encoding-type}, {@code continuation-token}), part numbers,
 * upload ids, the headers of CreateMultipartUpload (checksum algorithm and type, content headers, metadata) and
 * of UploadPartCopy ({@code x-amz-copy-source}, {@code x-amz-copy-source-range}, its conditions). Inputs are valid
 * requests of each operation with edits in the path, the query, the Host or one header. See {@link FuzzOracle}.
 */
class RequestParametersFuzzTest {

    private static final S3RequestParser PARSER = new S3RequestParser(List.of("s3.example.com"));
    private static final Instant NOW = Instant.parse("2013-05-24T00:00:00Z");

    /** A request head in parts, so that an edit lands in one of them. */
    record Head(String method, String host, String path, String query, Map<String, String> headers) {

        RequestHead toRequestHead() {
            Map<String, List<String>> values = new LinkedHashMap<>();
            values.put("Host", List.of(host));
            headers.forEach((name, value) -> values.put(name, List.of(value)));
            return new RequestHead(method, path, query, values);
        }
    }

    @Property
    void requestHeadsBecomeAnOperationAndItsArgumentsOrAClientError(@ForAll("heads") Head input) {
        String outcome = FuzzOracle.run("RequestParametersFuzzTest.heads", input, () -> parseAsTheGatewayDoes(input));
        Statistics.label("outcome").collect(outcome);
    }

    private static void parseAsTheGatewayDoes(Head input) {
        RequestHead head = input.toRequestHead();
        if (!PARSER.isS3Request(head)) {
            return;
        }
        S3Request request = PARSER.parse(head);
        S3Operation operation = S3OperationClassifier.classify(request);
        S3OperationClassifier.unsupportedSubresource(request);
        KeyEncoding.of(request);
        MaxKeys.parse(request.param("max-keys"), 1000);
        request.param("continuation-token").ifPresent(ContinuationToken::decode);
        ListingParameters.urlEncoding(request);
        ListingParameters.count(request, "max-uploads", 1000, 1000);
        ListingParameters.count(request, "max-parts", 1000, 1000);
        ListingParameters.count(request, "part-number-marker", 0, PartNumbers.MAX);
        request.param("partNumber").ifPresent(PartNumbers::parse);
        request.param("uploadId").ifPresent(UploadId::parse);
        if (operation == S3Operation.CREATE_MULTIPART_UPLOAD) {
            CreateUploadRequest.read(head, request.key(), UploadId.newId(NOW), "tester").markerHeaders();
        }
        if (operation == S3Operation.UPLOAD_PART_COPY) {
            PartCopySource.parse(request.header("x-amz-copy-source"));
            PartCopySource.checkConditions(request::header, "\"0cc175b9c0f1b6a831c399e269772661\"", NOW);
            PartCopySource.range(request.header("x-amz-copy-source-range"), 1000);
        }
    }

    @Provide
    Arbitrary<Head> heads() {
        Arbitrary<Head> valid = Arbitraries.of(
                head("GET", "/bucket", "list-type=2&max-keys=10&prefix=a%2F&delimiter=%2F&encoding-type=url"
                        + "&continuation-token=1YQ&start-after=b&fetch-owner=true"),
                head("GET", "/bucket", "uploads&max-uploads=5&key-marker=k&upload-id-marker=u&encoding-type=url"),
                head("GET", "/bucket/key", "uploadId=0123456789abcdefghijklmnop&max-parts=3&part-number-marker=2"),
                head("PUT", "/bucket/key", "partNumber=3&uploadId=0123456789abcdefghijklmnop"),
                head("PUT", "/bucket/key", "partNumber=3&uploadId=0123456789abcdefghijklmnop",
                        "x-amz-copy-source", "/src/k%20%C3%A9?versionId=null",
                        "x-amz-copy-source-range", "bytes=0-99",
                        "x-amz-copy-source-if-match", "\"0cc175b9c0f1b6a831c399e269772661\"",
                        "x-amz-copy-source-if-unmodified-since", "Fri, 24 May 2013 00:00:00 GMT"),
                head("POST", "/bucket/a/b%2Fc", "uploads", "x-amz-checksum-algorithm", "CRC32",
                        "x-amz-checksum-type", "FULL_OBJECT", "Content-Type", "text/plain",
                        "x-amz-meta-color", "blue", "Cache-Control", "no-cache", "x-amz-tagging", "a=1&b+c=%C3%A9"),
                head("POST", "/bucket/key", "uploadId=0123456789abcdefghijklmnop"),
                head("GET", "/bucket/key", "partNumber=1&versionId=null"),
                head("DELETE", "/bucket", "delete"),
                head("GET", "/", ""),
                head("GET", "/bucket", "acl"),
                head("PUT", "/bucket/key", "tagging"),
                head("GET", "/bucket", "versions&max-keys=1"),
                head("OPTIONS", "/bucket/key", ""),
                head("GET", "/auth/v1.0", ""),
                new Head("GET", "bucket.s3.example.com:8080", "/dir/key", "location", Map.of()));
        return Combinators.combine(valid, Arbitraries.integers().between(0, 4), Mutations.edits(4))
                .as((head, field, edits) -> edit(head, field, edits));
    }

    private static Head head(String method, String path, String query, String... headers) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return new Head(method, "s3.example.com", path, query, map);
    }

    /** The head with one of its parts edited: 0 path, 1 query, 2 Host, 3 a header, 4 method. */
    private static Head edit(Head head, int field, List<Mutations.Edit> edits) {
        return switch (field) {
            case 0 -> new Head(head.method(), head.host(), Mutations.apply(head.path(), edits), head.query(),
                    head.headers());
            case 1 -> new Head(head.method(), head.host(), head.path(), Mutations.apply(head.query(), edits),
                    head.headers());
            case 2 -> new Head(head.method(), Mutations.apply(head.host(), edits), head.path(), head.query(),
                    head.headers());
            case 3 -> {
                Map<String, String> headers = new LinkedHashMap<>(head.headers());
                if (headers.isEmpty()) {
                    headers.put("x-amz-copy-source", "/src/key");
                }
                String name = headers.keySet().stream().skip(edits.size() % headers.size()).findFirst().orElseThrow();
                headers.put(name, Mutations.apply(headers.get(name), edits));
                yield new Head(head.method(), head.host(), head.path(), head.query(), headers);
            }
            default -> new Head(Mutations.apply(head.method(), edits), head.host(), head.path(), head.query(),
                    head.headers());
        };
    }

    @Property
    void randomPathsAndQueriesBecomeAnOperationOrAClientError(
            @ForAll("paths") String path, @ForAll("queries") String query) {
        Head input = new Head("GET", "s3.example.com", path, query, Map.of());
        String outcome = FuzzOracle.run("RequestParametersFuzzTest.random", input, () -> parseAsTheGatewayDoes(input));
        Statistics.collect(outcome);
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().withChars("/%abcz09.-_+é%2F%C3").ofMaxLength(80).map(s -> "/" + s)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(1200)));
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.strings().withChars("&=%+abcdeEFpkylmnorstuxzI0129-").ofMaxLength(80);
    }

    @AfterContainer
    static void report() {
        FuzzOracle.report(RequestParametersFuzzTest.class);
    }
}
