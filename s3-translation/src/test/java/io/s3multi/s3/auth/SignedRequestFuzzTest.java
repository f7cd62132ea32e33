package io.s3multi.s3.auth;

import io.s3multi.s3.auth.ValidRequests.Form;
import io.s3multi.s3.auth.ValidRequests.Payload;
import io.s3multi.s3.auth.ValidRequests.Signed;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.fuzz.FuzzOracle;
import io.s3multi.s3.fuzz.Mutations;
import io.s3multi.s3.fuzz.Mutations.Edit;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.DigestAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes what an unauthenticated client controls before any secret is checked: the SigV4 Authorization header, the
 * SigV4 presigned query, SigV2 header and presigned query, the Date headers, and the body that follows
 * (aws-chunked framing, chunk and trailer signatures, trailers, Content-MD5, checksum headers), through the same
 * calls the auth stages and S3 stages make: {@link SignedRequestParser}, {@link S3Authenticator} (time and
 * signature) and {@link RequestBody}, read to its end. See {@link FuzzOracle} for the property.
 *
 * <p>Most inputs start as correctly signed requests (with correctly signed chunks), edited in one place, so they
 * reach the signature comparison, the chunk chain and the trailer; the statistics printed per property show how
 * often each ending was reached.
 */
class SignedRequestFuzzTest {

    private static final Clock CLOCK = Clock.fixed(ValidRequests.NOW, ZoneOffset.UTC);
    private static final S3Authenticator<String> AUTHENTICATOR = new S3Authenticator<>(
            key -> key.equals(ValidRequests.ACCESS_KEY)
                    ? Optional.of(new S3Credential<>(key, Requests.SECRET, "tester")) : Optional.empty(),
            new SignatureVerifier(CLOCK));
    /** Where an edit goes; the signature's own fields twice as often as the others. */
    private static final List<String> FIELDS = List.of("Authorization", "Authorization", "query", "query",
            "x-amz-date", "Date", "x-amz-content-sha256", "x-amz-decoded-content-length", "x-amz-trailer",
            "x-amz-sdk-checksum-algorithm", "Content-MD5", "x-amz-checksum-crc32", "Content-Length", "path");

    /** A valid request, the field whose value is edited, the edits of it, and the edits of its body. */
    record Case(Signed valid, String field, List<Edit> headEdits, List<Edit> bodyEdits) {

        Signed mutated() {
            String path = valid.path();
            String query = valid.query();
            List<String[]> headers = new ArrayList<>();
            for (String[] header : valid.headers()) {
                headers.add(header[0].equalsIgnoreCase(field)
                        ? new String[] {header[0], Mutations.apply(header[1], headEdits)} : header);
            }
            if (field.equals("path")) {
                path = Mutations.apply(path, headEdits);
            } else if (field.equals("query")) {
                query = Mutations.apply(query, headEdits);
            } else if (!field.equals("none") && headers.stream().noneMatch(h -> h[0].equalsIgnoreCase(field))) {
                headers.add(new String[] {field, Mutations.apply("", headEdits)});
            }
            byte[] body = Mutations.apply(valid.body(), bodyEdits, Mutations.positionsOf(valid.body(), "\r\n;:="));
            return new Signed(valid.method(), path, query, headers, body);
        }
    }

    @Property
    void nearValidSignedRequestsEndInSuccessOrAClientError(@ForAll("nearValid") Case input) {
        Signed request = input.mutated();
        String outcome = FuzzOracle.run("SignedRequestFuzzTest.nearValid", request, () -> authenticateAndRead(request));
        Statistics.label("form").collect(input.valid().headers().stream().anyMatch(h -> h[0].equals("Authorization"))
                ? "header" : "query/anonymous");
        Statistics.label("outcome").collect(outcome);
    }

    @Property
    void nearValidAwsChunkedBodiesEndInTheirDataOrAClientError(@ForAll("chunked") Case input) {
        Signed request = input.mutated();
        String outcome = FuzzOracle.run("SignedRequestFuzzTest.chunked", request, () -> authenticateAndRead(request));
        Statistics.label("payload").collect(request.head().header("x-amz-content-sha256"));
        Statistics.label("outcome").collect(outcome);
    }

    @Property
    void anyAuthorizationHeaderAndQueryEndInSuccessOrAClientError(
            @ForAll("authorizationValues") String authorization, @ForAll("queries") String query,
            @ForAll("dates") String date, @ForAll("mechanisms") int mechanisms) {
        List<String[]> headers = new ArrayList<>(List.of(new String[] {"Host", "s3.example.com"},
                new String[] {"x-amz-date", date}, new String[] {"Date", date},
                new String[] {"x-amz-content-sha256", "UNSIGNED-PAYLOAD"}));
        if (mechanisms != 1) {
            headers.add(new String[] {"Authorization", authorization});
        }
        Signed request = new Signed("GET", "/bucket/key", mechanisms == 0 ? "" : query, headers, new byte[0]);
        String outcome = FuzzOracle.run("SignedRequestFuzzTest.anyAuthorization", request,
                () -> authenticateAndRead(request));
        Statistics.label("outcome").collect(outcome);
    }

    /** 0: an Authorization header only, 1: a query only, 2: both (refused unless the query signs nothing). */
    @Provide
    Arbitrary<Integer> mechanisms() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(4, Arbitraries.just(1)), net.jqwik.api.Tuple.of(1, Arbitraries.just(2)));
    }

    /** What the auth stage and then an S3 stage reading the body do with a request. */
    static void authenticateAndRead(Signed request) throws IOException {
        RequestHead head = request.head();
        Optional<SignedRequest> signed = SignedRequestParser.parse(head);
        SigningKey key = null;
        if (signed.isPresent()) {
            S3Authenticator.Authenticated<String> who = AUTHENTICATOR.authenticate(signed.get())
                    .orElseThrow(() -> S3Exception.invalidAccessKeyId(signed.get().accessKey()));
            key = who.signature().signingKey().orElse(null);
        }
        RequestBody body = RequestBody.open(new ByteArrayInputStream(request.body()), head, signed.orElse(null), key,
                Set.of(DigestAlgorithm.MD5));
        drain(body.stream(), request.body().length);
        body.computed(DigestAlgorithm.MD5);
        body.trailers();
    }

    /** Reads to the end in uneven slices; a stream that yields more than the raw body had is a bug too. */
    static void drain(InputStream in, int rawLength) throws IOException {
        byte[] buffer = new byte[4099];
        long total = 0;
        int slice = 1;
        for (int n; (n = in.read(buffer, 0, slice)) >= 0; slice = (slice * 7 + 1371) % buffer.length + 1) {
            total += n;
            if (total > rawLength) {
                throw new AssertionError("read " + total + " bytes from a body of " + rawLength);
            }
        }
    }

    @Provide
    Arbitrary<Case> nearValid() {
        Arbitrary<Signed> valid = Combinators.combine(
                Arbitraries.of(Form.class),
                Arbitraries.of(Payload.class),
                Arbitraries.of("GET", "PUT", "POST", "DELETE", "HEAD"),
                Arbitraries.of("/", "/bucket", "/bucket/key", "/bucket/a%2Fb/%C3%A9+x", "/bucket/dir/", "/v1/x"),
                Arbitraries.of("", "acl", "uploadId=abc&partNumber=3", "list-type=2&prefix=a%20b&delimiter=%2F",
                        "uploads", "versionId=null&response-content-type=text%2Fplain"),
                extraHeaders(),
                bodies()).as(ValidRequestSpec::new)
                .map(ValidRequestSpec::build);
        Arbitrary<List<Edit>> headEdits = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Mutations.edits(3)), net.jqwik.api.Tuple.of(1, Mutations.numberEdit()));
        return Combinators.combine(valid, Arbitraries.of(FIELDS), headEdits, Mutations.edits(3)).as(Case::new);
    }

    /** Correctly signed aws-chunked uploads with edits in the body, and sometimes in one framing header. */
    @Provide
    Arbitrary<Case> chunked() {
        Arbitrary<Signed> valid = Combinators.combine(
                Arbitraries.of(Payload.STREAMING_SIGNED, Payload.STREAMING_SIGNED_TRAILER,
                        Payload.STREAMING_UNSIGNED_TRAILER),
                extraHeaders(), bodies())
                .as((payload, headers, body) -> new ValidRequestSpec(Form.V4_HEADER, payload, "PUT", "/bucket/key",
                        "", headers, body).build());
        Arbitrary<String> field = Arbitraries.of("x-amz-decoded-content-length", "x-amz-trailer",
                "x-amz-sdk-checksum-algorithm", "Content-Encoding", "none");
        return Combinators.combine(valid, field, Mutations.edits(2), Mutations.edits(6))
                .as((request, name, headEdits, bodyEdits) -> new Case(request, name,
                        name.equals("none") ? List.of() : headEdits, bodyEdits));
    }

    private record ValidRequestSpec(Form form, Payload payload, String method, String path, String query,
            List<String[]> extraHeaders, BodySpec body) {

        /** Signed chunks below S3's minimum (8 KiB) are signed correctly too: the size rule must refuse them. */
        Signed build() {
            return ValidRequests.of(form, payload, method, path, query, extraHeaders, body.data(),
                    ValidRequests.chunkSizes(body.data().length, Math.max(body.chunkSize(), body.data().length / 64)),
                    body.trailer(),
                    body.sentTrailer());
        }
    }

    private record BodySpec(byte[] data, int chunkSize, DigestAlgorithm trailer, DigestAlgorithm sentTrailer) {
    }

    private static Arbitrary<BodySpec> bodies() {
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        Arbitrary<byte[]> signedSized = Arbitraries.integers().between(8192, 20000)
                .map(n -> ChunkedBodies.filled(n, 'a'));
        Arbitrary<byte[]> data = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, small), net.jqwik.api.Tuple.of(1, signedSized));
        Arbitrary<DigestAlgorithm> trailer = Arbitraries.of(DigestAlgorithm.CRC32, DigestAlgorithm.CRC32C,
                DigestAlgorithm.SHA256, DigestAlgorithm.CRC64NVME).injectNull(0.1);
        Arbitrary<Integer> chunkSize = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.of(1, 7, 40)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(8192, 10000)));
        return Combinators.combine(data, chunkSize, trailer, Arbitraries.integers().between(0, 9))
                .as((bytes, size, declared, pick) -> new BodySpec(bytes, size, declared,
                        pick == 0 ? DigestAlgorithm.SHA1 : pick == 1 ? null : declared));
    }

    private static Arbitrary<List<String[]>> extraHeaders() {
        Arbitrary<String[]> one = Arbitraries.of(
                new String[] {"x-amz-meta-color", "blue"},
                new String[] {"x-amz-copy-source", "/src/key"},
                new String[] {"x-amz-acl", "private"},
                new String[] {"Content-Type", "text/plain"},
                new String[] {"x-amz-sdk-checksum-algorithm", "CRC32"},
                new String[] {"Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="},
                new String[] {"x-amz-checksum-crc32", "AAAAAA=="},
                new String[] {"x-amz-security-token", "t"});
        return one.list().ofMaxSize(2).uniqueElements(h -> h[0]);
    }

    @Provide
    Arbitrary<String> authorizationValues() {
        String v4 = "AWS4-HMAC-SHA256 Credential=" + ValidRequests.ACCESS_KEY + "/" + ValidRequests.SCOPE
                + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + "ab".repeat(32);
        String v2 = "AWS " + ValidRequests.ACCESS_KEY + ":c2lnbmF0dXJl";
        return Arbitraries.oneOf(
                Arbitraries.of(v4, v2).flatMap(valid -> Mutations.edits(6).map(e -> Mutations.apply(valid, e))),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("AWS4-HMACSH256 =,;/:Credential").ofMaxLength(120));
    }

    @Provide
    Arbitrary<String> queries() {
        String v4 = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + ValidRequests.ACCESS_KEY + "%2F20130524%2F"
                + "us-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + "ab".repeat(32);
        String v2 = "AWSAccessKeyId=" + ValidRequests.ACCESS_KEY + "&Expires=1369357200&Signature=c2ln%2B%3D";
        return Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.of(v4, v2).flatMap(valid -> Mutations.edits(6).map(e -> Mutations.apply(valid, e))),
                Arbitraries.strings().ofMaxLength(200));
    }

    @Provide
    Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Arbitraries.of(ValidRequests.AMZ_DATE, ValidRequests.HTTP_DATE)
                        .flatMap(valid -> Mutations.edits(3).map(e -> Mutations.apply(valid, e))),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40));
    }

    @AfterContainer
    static void report() {
        FuzzOracle.report(SignedRequestFuzzTest.class);
    }
}
