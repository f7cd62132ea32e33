package io.s3multi.s3.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.s3multi.s3.xml.documents.AccessControlPolicy;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import io.s3multi.s3.xml.documents.CompleteMultipartUploadResult;
import io.s3multi.s3.xml.documents.CopyObjectResult;
import io.s3multi.s3.xml.documents.CopyPartResult;
import io.s3multi.s3.xml.documents.CreateBucketConfiguration;
import io.s3multi.s3.xml.documents.Delete;
import io.s3multi.s3.xml.documents.DeleteResult;
import io.s3multi.s3.xml.documents.GetObjectAttributesResponse;
import io.s3multi.s3.xml.documents.InitiateMultipartUploadResult;
import io.s3multi.s3.xml.documents.ListAllMyBucketsResult;
import io.s3multi.s3.xml.documents.ListBucketResult;
import io.s3multi.s3.xml.documents.ListMultipartUploadsResult;
import io.s3multi.s3.xml.documents.ListPartsResult;
import io.s3multi.s3.xml.documents.ListVersionsResult;
import io.s3multi.s3.xml.documents.LocationConstraint;
import io.s3multi.s3.xml.documents.Owner;
import io.s3multi.s3.xml.documents.Tagging;
import io.s3multi.s3.xml.documents.VersioningConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the exact bytes of every document with every element filled in (and of the list results also empty), as
 * clients parse them: element order, namespaces, empty elements. The expected bytes are files under
 * {@code written/}, one per case, as the gateway wrote them before its documents were refactored.
 */
class WrittenBytesTest {

    private static final Instant WHEN = Instant.parse("2009-10-12T17:50:30.123Z");
    private static final Owner OWNER = new Owner("AUTH_test", "test:tester");
    private static final Owner INITIATOR = new Owner("AUTH_other", "other:user");

    static Map<String, Object> cases() {
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("ListAllMyBucketsResult", new ListAllMyBucketsResult(OWNER).addBucket("photos", WHEN)
                .addBucket("videos", WHEN));
        cases.put("ListAllMyBucketsResult-empty", new ListAllMyBucketsResult(OWNER));
        cases.put("ListBucketResult-v1", new ListBucketResult("photos").prefix("a/").marker("a/0")
                .nextMarker("a/9").maxKeys(2).delimiter("/").encodingType("url").truncated(true)
                .addContents(new ListBucketResult.Contents("a/b", WHEN, "\"e\"", 3, "STANDARD").owner(OWNER)
                        .checksumAlgorithm("CRC32"))
                .addContents(new ListBucketResult.Contents("a/c", WHEN, "\"f-2\"", 0, "STANDARD"))
                .addCommonPrefix("a/d/").addCommonPrefix("a/e/"));
        cases.put("ListBucketResult-v2", new ListBucketResult("photos").prefix("").continuationToken("t1")
                .nextContinuationToken("t2").startAfter("s").keyCount(1).maxKeys(1).truncated(false)
                .addContents(new ListBucketResult.Contents("k", WHEN, "\"e\"", 5, "STANDARD")));
        cases.put("ListBucketResult-empty", new ListBucketResult("photos").prefix("").marker("").maxKeys(1000)
                .truncated(false));
        cases.put("ListVersionsResult", new ListVersionsResult("photos").prefix("p").keyMarker("k0")
                .versionIdMarker("v0").nextKeyMarker("k9").nextVersionIdMarker("v9").maxKeys(3).delimiter("/")
                .encodingType("url").truncated(true)
                .addVersion(new ListVersionsResult.Version("k", "null", true, WHEN, "\"e\"", 3, "STANDARD")
                        .owner(OWNER).checksumAlgorithm("SHA256"))
                .addDeleteMarker(new ListVersionsResult.DeleteMarker("k2", "v1", false, WHEN, OWNER))
                .addVersion(new ListVersionsResult.Version("k3", "v2", false, WHEN, "\"g\"", 0, "STANDARD"))
                .addCommonPrefix("p/"));
        cases.put("ListVersionsResult-empty", new ListVersionsResult("photos").prefix("").keyMarker("")
                .versionIdMarker("").maxKeys(1000).truncated(false));
        cases.put("ListMultipartUploadsResult", new ListMultipartUploadsResult("photos").keyMarker("a")
                .uploadIdMarker("u0").nextKeyMarker("b").nextUploadIdMarker("u9").delimiter("/").prefix("")
                .encodingType("url").maxUploads(2).truncated(true)
                .addUpload(new ListMultipartUploadsResult.Upload("a/b", "upload-1", INITIATOR, OWNER, "STANDARD",
                        WHEN).checksumAlgorithm("CRC32C"))
                .addUpload(new ListMultipartUploadsResult.Upload("b", "upload-2", OWNER, OWNER, "STANDARD", WHEN))
                .addCommonPrefix("c/"));
        cases.put("ListMultipartUploadsResult-empty", new ListMultipartUploadsResult("photos").keyMarker("")
                .uploadIdMarker("").maxUploads(1000).truncated(false));
        cases.put("ListPartsResult", new ListPartsResult("photos", "a/b", "upload-1").partNumberMarker(1)
                .nextPartNumberMarker(3).maxParts(2).truncated(true)
                .addPart(new ListPartsResult.Part(2, WHEN, "\"e2\"", 5_242_880).checksum("CRC32", "AAAAAA=="))
                .addPart(new ListPartsResult.Part(3, WHEN, "\"e3\"", 1).checksum("SHA1", "c2hh")
                        .checksum("CRC64NVME", "Y3JjNjQ="))
                .initiator(INITIATOR).owner(OWNER).storageClass("STANDARD").checksumAlgorithm("CRC32")
                .checksumType("COMPOSITE"));
        cases.put("ListPartsResult-empty", new ListPartsResult("photos", "a/b", "upload-1").partNumberMarker(0)
                .maxParts(1000).truncated(false).initiator(OWNER).owner(OWNER).storageClass("STANDARD"));
        cases.put("CreateBucketConfiguration", new CreateBucketConfiguration("us-west-2"));
        cases.put("LocationConstraint", new LocationConstraint("us-west-2"));
        cases.put("LocationConstraint-us-east-1", LocationConstraint.usEast1());
        cases.put("VersioningConfiguration", new VersioningConfiguration("Enabled").mfaDelete("Disabled"));
        cases.put("VersioningConfiguration-never", new VersioningConfiguration(null));
        cases.put("AccessControlPolicy", new AccessControlPolicy(OWNER)
                .addGrant(AccessControlPolicy.Grantee.canonicalUser("AUTH_test", "test:tester"), "FULL_CONTROL")
                .addGrant(AccessControlPolicy.Grantee.group("http://acs.amazonaws.com/groups/global/AllUsers"),
                        "READ"));
        cases.put("Delete", new Delete().quiet(false).addObject("a", null).addObject("b", "v1"));
        cases.put("DeleteResult", new DeleteResult().addDeleted("a", null).addDeleted("b", "v1")
                .addError("c", null, "AccessDenied", "Access Denied").addError("d", "v2", "InternalError", "oops"));
        cases.put("DeleteResult-empty", new DeleteResult());
        cases.put("CopyObjectResult", new CopyObjectResult("\"e\"", WHEN).checksum("CRC32C", "AAAAAA=="));
        cases.put("CopyObjectResult-plain", new CopyObjectResult("\"e\"", WHEN));
        cases.put("CopyPartResult", new CopyPartResult("\"e\"", WHEN).checksum("SHA256", "c2hhMjU2"));
        cases.put("CopyPartResult-plain", new CopyPartResult("\"e\"", WHEN));
        cases.put("InitiateMultipartUploadResult", new InitiateMultipartUploadResult("photos", "a/b", "upload-1"));
        cases.put("CompleteMultipartUpload", new CompleteMultipartUpload().addPart(1, "\"e1\"").addPart(2, "\"e2\""));
        cases.put("CompleteMultipartUploadResult", new CompleteMultipartUploadResult("http://host/photos/a/b",
                "photos", "a/b", "\"e-2\"").checksum("CRC32", "AAAAAA==").checksumType("COMPOSITE"));
        cases.put("CompleteMultipartUploadResult-plain", new CompleteMultipartUploadResult("http://host/photos/a/b",
                "photos", "a/b", "\"e-2\""));
        cases.put("Tagging", new Tagging().addTag("colour", "blue").addTag("size", "L"));
        cases.put("GetObjectAttributesResponse", new GetObjectAttributesResponse().eTag("e-2")
                .checksum(new GetObjectAttributesResponse.Checksum("SHA256", "c2hhMjU2-2", "COMPOSITE"))
                .objectParts(new GetObjectAttributesResponse.ObjectParts(3, 1, 1, true)
                        .addPart(new GetObjectAttributesResponse.Part(2, 5_242_880).checksum("SHA256", "c2hh")))
                .storageClass("STANDARD").objectSize(5_242_881));
        cases.put("GetObjectAttributesResponse-size", new GetObjectAttributesResponse().objectSize(0));
        return cases;
    }

    static Stream<Arguments> written() {
        return cases().entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("written")
    void theBytesAreExactlyAsBefore(String name, Object document) throws IOException {
        String expected;
        try (InputStream file = WrittenBytesTest.class.getResourceAsStream("written/" + name + ".xml")) {
            assertNotNull(file, "written/" + name + ".xml");
            expected = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, new String(S3Xml.toBytes(document), StandardCharsets.UTF_8));
    }
}
