package io.s3multi.s3.xml;

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
import java.time.Instant;
import java.util.List;

/** One filled-in instance of every S3 document, for tests that must hold for all of them. */
final class SampleDocuments {

    static final Instant WHEN = Instant.parse("2009-10-12T17:50:30Z");
    static final Owner OWNER = new Owner("AUTH_test", "test:tester");

    private SampleDocuments() {
    }

    static List<Object> all() {
        return List.of(
                new ListAllMyBucketsResult(OWNER).addBucket("photos", WHEN),
                new ListBucketResult("photos").prefix("").marker("").maxKeys(1000).truncated(false)
                        .addContents(new ListBucketResult.Contents("a/b", WHEN, "\"e\"", 3, "STANDARD").owner(OWNER))
                        .addCommonPrefix("c/"),
                new ListVersionsResult("photos").prefix("").keyMarker("").versionIdMarker("").maxKeys(1000)
                        .truncated(false)
                        .addVersion(new ListVersionsResult.Version("k", "null", true, WHEN, "\"e\"", 3, "STANDARD"))
                        .addDeleteMarker(new ListVersionsResult.DeleteMarker("k2", "v1", true, WHEN, OWNER)),
                new CreateBucketConfiguration("us-west-2"),
                new LocationConstraint("us-west-2"),
                new VersioningConfiguration("Enabled"),
                new AccessControlPolicy(OWNER)
                        .addGrant(AccessControlPolicy.Grantee.canonicalUser("AUTH_test", "test:tester"),
                                "FULL_CONTROL"),
                new Delete().quiet(true).addObject("a", null),
                new DeleteResult().addDeleted("a", null).addError("b", null, "AccessDenied", "Access Denied"),
                new CopyObjectResult("\"e\"", WHEN),
                new CopyPartResult("\"e\"", WHEN).checksum("CRC32", "AAAAAA=="),
                new InitiateMultipartUploadResult("photos", "a/b", "upload-1"),
                new CompleteMultipartUpload().addPart(1, "\"e1\"").addPart(2, "\"e2\""),
                new CompleteMultipartUploadResult("http://host/photos/a/b", "photos", "a/b", "\"e-2\""),
                new ListPartsResult("photos", "a/b", "upload-1").maxParts(1000).truncated(false)
                        .addPart(new ListPartsResult.Part(1, WHEN, "\"e1\"", 5_242_880)).initiator(OWNER)
                        .owner(OWNER).storageClass("STANDARD"),
                new ListMultipartUploadsResult("photos").keyMarker("").uploadIdMarker("").maxUploads(1000)
                        .truncated(false)
                        .addUpload(new ListMultipartUploadsResult.Upload("a/b", "upload-1", OWNER, OWNER,
                                "STANDARD", WHEN)),
                new Tagging().addTag("colour", "blue"),
                new GetObjectAttributesResponse().eTag("e-2").objectParts(
                        new GetObjectAttributesResponse.ObjectParts(2, 0, 1000, false)
                                .addPart(new GetObjectAttributesResponse.Part(1, 5_242_880))).objectSize(5_242_881));
    }
}
