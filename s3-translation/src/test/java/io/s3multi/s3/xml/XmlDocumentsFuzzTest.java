package io.s3multi.s3.xml;

import io.s3multi.s3.contract.ChecksumType;
import io.s3multi.s3.contract.StoredPart;
import io.s3multi.s3.contract.UploadId;
import io.s3multi.s3.contract.UploadInfo;
import io.s3multi.s3.fuzz.FuzzOracle;
import io.s3multi.s3.fuzz.Mutations;
import io.s3multi.s3.integrity.DigestAlgorithm;
import io.s3multi.s3.multipart.CompletionPlan;
import io.s3multi.s3.tagging.TagScope;
import io.s3multi.s3.tagging.TagSet;
import io.s3multi.s3.xml.documents.AccessControlPolicy;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import io.s3multi.s3.xml.documents.CreateBucketConfiguration;
import io.s3multi.s3.xml.documents.Delete;
import io.s3multi.s3.xml.documents.Owner;
import io.s3multi.s3.xml.documents.Tagging;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes every XML document the gateway reads from a request body (CompleteMultipartUpload, Delete,
 * CreateBucketConfiguration, AccessControlPolicy; VersioningConfiguration and Tagging bodies are refused before they
 * are read) through {@link S3Xml#read} with the caps the handlers use, then reads every value of the document as
 * the handlers do, since numbers and booleans are converted on access. Inputs are valid documents, with and
 * without the S3 namespace, edited with XML's special characters, entities, DOCTYPEs, CDATA, comments and
 * out-of-range numbers; some are read with a cap below their size. See {@link FuzzOracle} for the property.
 */
class XmlDocumentsFuzzTest {

    /** The parts of the upload a fuzzed Complete names: parts 1 and 2 of 5 MiB, and a last one, with CRC32s. */
    private static final Map<Integer, List<StoredPart>> STORED = Map.of(
            1, List.of(new StoredPart(1, "parts/x/00001", "0cc175b9c0f1b6a831c399e269772661", 5 << 20, Instant.EPOCH,
                    new StoredPart.PartChecksum(DigestAlgorithm.CRC32, "AAAAAA=="))),
            2, List.of(new StoredPart(2, "parts/x/00002", "92eb5ffee6ae2fec3ad71c777531578f", 5 << 20, Instant.EPOCH,
                    new StoredPart.PartChecksum(DigestAlgorithm.CRC32, "AAAAAA=="))),
            10000, List.of(new StoredPart(10000, "parts/x/10000", "92eb5ffee6ae2fec3ad71c777531578f", 1,
                    Instant.EPOCH, new StoredPart.PartChecksum(DigestAlgorithm.CRC32, "AAAAAA=="))));
    private static final UploadInfo UPLOAD = new UploadInfo("key", UploadId.newId(Instant.EPOCH), "text/plain",
            Map.of(), Map.of(), Optional.of(DigestAlgorithm.CRC32), ChecksumType.COMPOSITE, "tester");

    /** A document type, its cap, a valid body, and how a handler reads its values. */
    private record Kind(Class<?> type, long cap, List<String> valid, Consumer<Object> readValues) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(CompleteMultipartUpload.class, S3Xml.MAX_COMPLETE_MULTIPART_UPLOAD_BYTES, List.of(
                    text(new CompleteMultipartUpload().addPart(1, "\"0cc175b9c0f1b6a831c399e269772661\"")
                            .addPart(2, "92eb5ffee6ae2fec3ad71c777531578f")),
                    "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"a\"</ETag>"
                            + "<ChecksumCRC32>AAAAAA==</ChecksumCRC32></Part><Part><PartNumber> 10000 </PartNumber>"
                            + "<ETag>b</ETag><ChecksumSHA256>x</ChecksumSHA256></Part></CompleteMultipartUpload>",
                    "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>"
                            + "<ETag>&quot;0cc175b9c0f1b6a831c399e269772661&quot;</ETag>"
                            + "<ChecksumCRC32>AAAAAA==</ChecksumCRC32></Part><Part><PartNumber>10000</PartNumber>"
                            + "<ETag>92EB5FFEE6AE2FEC3AD71C777531578F</ETag></Part></CompleteMultipartUpload>"),
                    document -> {
                        CompleteMultipartUpload complete = (CompleteMultipartUpload) document;
                        complete.parts().forEach(part -> {
                            part.partNumber();
                            part.eTag();
                            part.checksums();
                        });
                        CompletionPlan.check(complete.parts(), STORED, 5 << 20, UPLOAD);
                    }),
            new Kind(Delete.class, S3Xml.MAX_DELETE_OBJECTS_BYTES, List.of(
                    text(new Delete().quiet(true).addObject("a/b", null).addObject("c", "null")),
                    "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>false</Quiet><Object><Key>"
                            + "&lt;k&amp;</Key><VersionId>3</VersionId></Object><Object><Key/></Object></Delete>"),
                    document -> {
                        Delete delete = (Delete) document;
                        delete.isQuiet();
                        delete.objects().forEach(object -> {
                            object.key();
                            object.versionId();
                        });
                    }),
            new Kind(CreateBucketConfiguration.class, S3Xml.MAX_CONFIGURATION_BYTES, List.of(
                    text(new CreateBucketConfiguration("us-east-1")),
                    "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>"
                            + "<Bucket><Type>Directory</Type></Bucket></CreateBucketConfiguration>"),
                    document -> ((CreateBucketConfiguration) document).locationConstraint()),
            new Kind(AccessControlPolicy.class, S3Xml.MAX_CONFIGURATION_BYTES, List.of(
                    text(new AccessControlPolicy(new Owner("AUTH_test", "test:tester")).addGrant(
                            AccessControlPolicy.Grantee.canonicalUser("AUTH_test", "test:tester"), "FULL_CONTROL")
                            .addGrant(AccessControlPolicy.Grantee.group(
                                    "http://acs.amazonaws.com/groups/global/AllUsers"), "READ"))),
                    document -> {
                        AccessControlPolicy policy = (AccessControlPolicy) document;
                        if (policy.owner() != null) {
                            policy.owner().id();
                            policy.owner().displayName();
                        }
                        policy.grants().forEach(grant -> {
                            grant.permission();
                            if (grant.grantee() != null) {
                                grant.grantee().type();
                                grant.grantee().id();
                                grant.grantee().uri();
                                grant.grantee().emailAddress();
                                grant.grantee().displayName();
                            }
                        });
                    }),
            new Kind(Tagging.class, S3Xml.MAX_CONFIGURATION_BYTES, List.of(
                    text(new Tagging().addTag("project", "alpha beta").addTag("cost/centre", "")),
                    "<Tagging><TagSet><Tag><Key>é:/=+-@_.</Key><Value>1 2</Value></Tag></TagSet></Tagging>"),
                    document -> {
                        TagSet.fromDocument((Tagging) document, TagScope.BUCKET);
                        TagSet.fromDocument((Tagging) document, TagScope.OBJECT).storedForm();
                    }));

    private static String text(Object document) {
        return new String(S3Xml.toBytes(document), StandardCharsets.UTF_8);
    }

    /** A body and the cap it is read with. */
    record Case(Kind kind, String body, long cap) {

        @Override
        public String toString() {
            return kind.type().getSimpleName() + " cap " + cap + ": " + body;
        }
    }

    @Property
    void nearValidDocumentsEndInADocumentOrAClientError(@ForAll("documents") Case input) {
        String outcome = FuzzOracle.run("XmlDocumentsFuzzTest.documents", input, () -> {
            Object document = S3Xml.read(new ByteArrayInputStream(input.body().getBytes(StandardCharsets.UTF_8)),
                    input.kind().type(), input.cap());
            input.kind().readValues().accept(document);
        });
        Statistics.label("document").collect(input.kind().type().getSimpleName());
        Statistics.label("outcome").collect(outcome);
    }

    @Provide
    Arbitrary<Case> documents() {
        Arbitrary<Kind> kind = Arbitraries.of(KINDS);
        return kind.flatMap(k -> {
            Arbitrary<String> body = Arbitraries.of(k.valid())
                    .flatMap(valid -> Mutations.edits(3).map(edits -> Mutations.apply(valid, edits)));
            Arbitrary<String> random = Arbitraries.strings().ofMaxLength(300);
            Arbitrary<String> bodies = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(9, body), net.jqwik.api.Tuple.of(1, random));
            Arbitrary<Long> cap = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(9, Arbitraries.just(k.cap())),
                    net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 400)));
            return Combinators.combine(Arbitraries.just(k), bodies, cap).as(Case::new);
        });
    }

    /** Documents of many repeated elements: the caps, not the parser's patience, must bound them. */
    @Property(tries = 50)
    void largeDocumentsEndInADocumentOrAClientError(@ForAll("repeated") String body) {
        FuzzOracle.run("XmlDocumentsFuzzTest.large", body.length() + " chars: " + body.substring(0, Math.min(200, body.length())), () ->
                S3Xml.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
                        CompleteMultipartUpload.class, 64 * 1024).parts().forEach(p -> p.partNumber()));
    }

    @Provide
    Arbitrary<String> repeated() {
        return Combinators.combine(Arbitraries.of("<Part><PartNumber>1</PartNumber><ETag>e</ETag></Part>", "<a>",
                "<Part>", "&amp;", "<!--x-->", "</Part>", "x"), Arbitraries.integers().between(1, 20000))
                .as((element, n) -> "<CompleteMultipartUpload>" + element.repeat(n) + "</CompleteMultipartUpload>");
    }

    @AfterContainer
    static void report() {
        FuzzOracle.report(XmlDocumentsFuzzTest.class);
    }
}
