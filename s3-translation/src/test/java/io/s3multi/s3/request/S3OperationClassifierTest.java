package io.s3multi.s3.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.error.S3Exception;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3OperationClassifierTest {

    /**
     * One row per case: method, raw path, raw query, whether x-amz-copy-source is sent, and the expected
     * operation, or {@code !Code} for the S3 error the classification fails with.
     */
    @ParameterizedTest(name = "{0} {1}?{2} copy={3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # service
            GET     | /      | -                          | false | LIST_BUCKETS
            GET     | /      | acl                        | false | LIST_BUCKETS
            HEAD    | /      | -                          | false | !MethodNotAllowed
            PUT     | /      | -                          | false | !MethodNotAllowed
            GET     | /      | website                    | false | UNSUPPORTED
            # bucket, by method
            PUT     | /bkt     | -                          | false | CREATE_BUCKET
            DELETE  | /bkt     | -                          | false | DELETE_BUCKET
            HEAD    | /bkt     | -                          | false | HEAD_BUCKET
            GET     | /bkt     | -                          | false | LIST_OBJECTS
            GET     | /bkt/    | -                          | false | LIST_OBJECTS
            GET     | /bkt     | list-type=2                | false | LIST_OBJECTS_V2
            GET     | /bkt     | list-type=1&prefix=a       | false | LIST_OBJECTS
            GET     | /bkt     | prefix=a&delimiter=%2F     | false | LIST_OBJECTS
            POST    | /bkt     | -                          | false | POST_OBJECT
            PATCH   | /bkt     | -                          | false | !MethodNotAllowed
            PUT     | /bkt     | -                          | true  | CREATE_BUCKET
            # bucket sub-resources
            GET     | /bkt     | location                   | false | GET_BUCKET_LOCATION
            PUT     | /bkt     | location                   | false | !MethodNotAllowed
            GET     | /bkt/k   | location                   | false | GET_BUCKET_LOCATION
            GET     | /bkt     | versioning                 | false | GET_BUCKET_VERSIONING
            PUT     | /bkt     | versioning                 | false | PUT_BUCKET_VERSIONING
            DELETE  | /bkt     | versioning                 | false | !MethodNotAllowed
            GET     | /bkt     | versions                   | false | LIST_OBJECT_VERSIONS
            GET     | /bkt     | versions&prefix=a&max-keys=5 | false | LIST_OBJECT_VERSIONS
            DELETE  | /bkt     | versions                   | false | !MethodNotAllowed
            POST    | /bkt     | delete                     | false | DELETE_OBJECTS
            POST    | /bkt/k   | delete                     | false | DELETE_OBJECTS
            GET     | /bkt     | delete                     | false | !MethodNotAllowed
            # acl
            GET     | /bkt     | acl                        | false | GET_BUCKET_ACL
            PUT     | /bkt     | acl                        | false | PUT_BUCKET_ACL
            GET     | /bkt/k   | acl                        | false | GET_OBJECT_ACL
            PUT     | /bkt/k   | acl                        | false | PUT_OBJECT_ACL
            PUT     | /bkt/k   | acl                        | true  | PUT_OBJECT_ACL
            DELETE  | /bkt/k   | acl                        | false | !MethodNotAllowed
            GET     | /bkt/k   | acl&versionId=null         | false | GET_OBJECT_ACL
            # tagging
            GET     | /bkt     | tagging                    | false | GET_BUCKET_TAGGING
            PUT     | /bkt     | tagging                    | false | PUT_BUCKET_TAGGING
            DELETE  | /bkt     | tagging                    | false | DELETE_BUCKET_TAGGING
            GET     | /bkt/k   | tagging                    | false | GET_OBJECT_TAGGING
            PUT     | /bkt/k   | tagging                    | false | PUT_OBJECT_TAGGING
            DELETE  | /bkt/k   | tagging                    | false | DELETE_OBJECT_TAGGING
            POST    | /bkt/k   | tagging                    | false | !MethodNotAllowed
            # multipart
            GET     | /bkt     | uploads                    | false | LIST_MULTIPART_UPLOADS
            GET     | /bkt     | uploads&prefix=a&key-marker=b | false | LIST_MULTIPART_UPLOADS
            POST    | /bkt/k   | uploads                    | false | CREATE_MULTIPART_UPLOAD
            POST    | /bkt     | uploads                    | false | !InvalidRequest
            GET     | /bkt/k   | uploads                    | false | !InvalidRequest
            PUT     | /bkt/k   | uploads                    | false | !MethodNotAllowed
            PUT     | /bkt/k   | partNumber=1&uploadId=u    | false | UPLOAD_PART
            PUT     | /bkt/k   | uploadId=u&partNumber=1    | false | UPLOAD_PART
            PUT     | /bkt/k   | partNumber=1&uploadId=u    | true  | UPLOAD_PART_COPY
            PUT     | /bkt/k   | partNumber=1               | false | !InvalidArgument
            GET     | /bkt/k   | partNumber=1               | false | GET_OBJECT
            HEAD    | /bkt/k   | partNumber=2               | false | HEAD_OBJECT
            DELETE  | /bkt/k   | partNumber=1               | false | !MethodNotAllowed
            GET     | /bkt/k   | uploadId=u                 | false | LIST_PARTS
            GET     | /bkt/k   | uploadId=u&max-parts=2     | false | LIST_PARTS
            POST    | /bkt/k   | uploadId=u                 | false | COMPLETE_MULTIPART_UPLOAD
            DELETE  | /bkt/k   | uploadId=u                 | false | ABORT_MULTIPART_UPLOAD
            PUT     | /bkt/k   | uploadId=u                 | false | !MethodNotAllowed
            HEAD    | /bkt/k   | uploadId=u                 | false | !MethodNotAllowed
            GET     | /bkt     | uploadId=u                 | false | !InvalidRequest
            # object, by method
            PUT     | /bkt/k   | -                          | false | PUT_OBJECT
            PUT     | /bkt/k   | -                          | true  | COPY_OBJECT
            GET     | /bkt/k   | -                          | false | GET_OBJECT
            HEAD    | /bkt/k   | -                          | false | HEAD_OBJECT
            DELETE  | /bkt/k   | -                          | false | DELETE_OBJECT
            POST    | /bkt/k   | -                          | false | !MethodNotAllowed
            GET     | /bkt/k   | versionId=null             | false | GET_OBJECT
            DELETE  | /bkt/k   | versionId=v1               | false | DELETE_OBJECT
            GET     | /bkt/k/  | -                          | false | GET_OBJECT
            GET     | /bkt/k   | response-content-type=text%2Fplain | false | GET_OBJECT
            # CORS configuration (preflights are the cors stage's; without it they stay unsupported)
            GET     | /bkt     | cors                       | false | GET_BUCKET_CORS
            PUT     | /bkt     | cors                       | false | PUT_BUCKET_CORS
            DELETE  | /bkt     | cors                       | false | DELETE_BUCKET_CORS
            POST    | /bkt     | cors                       | false | !MethodNotAllowed
            OPTIONS | /bkt/k   | -                          | false | UNSUPPORTED
            # lifecycle configuration (PUT is also the older PutBucketLifecycle)
            GET     | /bkt     | lifecycle                  | false | GET_BUCKET_LIFECYCLE_CONFIGURATION
            PUT     | /bkt     | lifecycle                  | false | PUT_BUCKET_LIFECYCLE_CONFIGURATION
            DELETE  | /bkt     | lifecycle                  | false | DELETE_BUCKET_LIFECYCLE
            POST    | /bkt     | lifecycle                  | false | !MethodNotAllowed
            # unsupported features
            PUT     | /bkt     | website                    | false | UNSUPPORTED
            GET     | /bkt     | policy                     | false | GET_BUCKET_POLICY
            PUT     | /bkt     | policy                     | false | PUT_BUCKET_POLICY
            DELETE  | /bkt     | policy                     | false | DELETE_BUCKET_POLICY
            GET     | /bkt     | policyStatus               | false | GET_BUCKET_POLICY_STATUS
            GET     | /bkt     | publicAccessBlock          | false | GET_PUBLIC_ACCESS_BLOCK
            PUT     | /bkt     | publicAccessBlock          | false | PUT_PUBLIC_ACCESS_BLOCK
            DELETE  | /bkt     | publicAccessBlock          | false | DELETE_PUBLIC_ACCESS_BLOCK
            GET     | /bkt     | ownershipControls          | false | GET_BUCKET_OWNERSHIP_CONTROLS
            PUT     | /bkt     | ownershipControls          | false | PUT_BUCKET_OWNERSHIP_CONTROLS
            DELETE  | /bkt     | ownershipControls          | false | DELETE_BUCKET_OWNERSHIP_CONTROLS
            GET     | /bkt     | logging                    | false | UNSUPPORTED
            GET     | /bkt     | object-lock                | false | GET_OBJECT_LOCK_CONFIGURATION
            PUT     | /bkt     | object-lock                | false | PUT_OBJECT_LOCK_CONFIGURATION
            DELETE  | /bkt     | object-lock                | false | !MethodNotAllowed
            GET     | /bkt/k   | legal-hold                 | false | GET_OBJECT_LEGAL_HOLD
            PUT     | /bkt/k   | legal-hold                 | false | PUT_OBJECT_LEGAL_HOLD
            GET     | /bkt/k   | retention                  | false | GET_OBJECT_RETENTION
            POST    | /bkt/k   | retention                  | false | !MethodNotAllowed
            PUT     | /bkt     | website                    | false | UNSUPPORTED
            POST    | /bkt/k   | restore                    | false | UNSUPPORTED
            POST    | /bkt/k   | select&select-type=2       | false | UNSUPPORTED
            GET     | /bkt/k   | attributes                 | false | GET_OBJECT_ATTRIBUTES
            PUT     | /bkt/k   | attributes                 | false | !MethodNotAllowed
            GET     | /bkt/k   | torrent                    | false | UNSUPPORTED
            PUT     | /bkt/k   | retention                  | false | PUT_OBJECT_RETENTION
            OPTIONS | /bkt/k   | -                          | false | UNSUPPORTED
            OPTIONS | /bkt     | -                          | false | UNSUPPORTED
            # precedence between sub-resources
            GET     | /bkt     | acl&policy                 | false | GET_BUCKET_ACL
            DELETE  | /bkt/k   | uploadId=u&website         | false | UNSUPPORTED
            GET     | /bkt/k   | acl&uploadId=u             | false | GET_OBJECT_ACL
            POST    | /bkt     | delete&uploads             | false | DELETE_OBJECTS
            GET     | /bkt     | location&versioning        | false | GET_BUCKET_LOCATION
            GET     | /bkt/k   | partNumber=1&uploadId=u    | false | GET_OBJECT
            GET     | /bkt     | partNumber=1               | false | LIST_OBJECTS
            POST    | /bkt/k   | uploadId=u&uploads         | false | COMPLETE_MULTIPART_UPLOAD
            GET     | /bkt     | uploads&versioning         | false | LIST_MULTIPART_UPLOADS
            GET     | /bkt     | versioning&versions        | false | GET_BUCKET_VERSIONING
            GET     | /bkt     | versions&tagging           | false | LIST_OBJECT_VERSIONS
            PUT     | /bkt/k   | tagging                    | true  | PUT_OBJECT_TAGGING
            """)
    void classifies(String method, String path, String query, boolean copy, String expected) {
        S3Request request = copy
                ? Requests.parse(method, path, query, "x-amz-copy-source", "/src/key")
                : Requests.parse(method, path, query);
        if (expected.startsWith("!")) {
            S3Exception e = assertThrows(S3Exception.class, () -> S3OperationClassifier.classify(request));
            assertEquals(expected.substring(1), e.code().wireCode());
        } else {
            assertEquals(S3Operation.valueOf(expected), S3OperationClassifier.classify(request));
        }
    }

    @Test
    void methodNotAllowedNamesTheMethodAndTheResourceType() {
        S3Exception onObject = assertThrows(S3Exception.class,
                () -> S3OperationClassifier.classify(Requests.parse("POST", "/bkt/k", null)));
        assertEquals(Map.of("Method", "POST", "ResourceType", "OBJECT"), onObject.details());
        S3Exception onBucket = assertThrows(S3Exception.class,
                () -> S3OperationClassifier.classify(Requests.parse("PATCH", "/bkt", null)));
        assertEquals("BUCKET", onBucket.details().get("ResourceType"));
        S3Exception onService = assertThrows(S3Exception.class,
                () -> S3OperationClassifier.classify(Requests.parse("DELETE", "/", null)));
        assertEquals("SERVICE", onService.details().get("ResourceType"));
    }

    @Test
    void uploadPartWithoutUploadIdSaysWhichParameterWasUnexpected() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> S3OperationClassifier.classify(Requests.parse("PUT", "/bkt/k", "partNumber=1")));
        assertEquals(Map.of("ArgumentName", "ResourceType", "ArgumentValue", "partNumber"), e.details());
    }

    @Test
    void theUnsupportedSubresourceIsReported() {
        S3Request request = Requests.parse("GET", "/bkt", "acl&logging&lifecycle");
        assertEquals(Optional.of("logging"), S3OperationClassifier.unsupportedSubresource(request));
        assertEquals(Optional.empty(),
                S3OperationClassifier.unsupportedSubresource(Requests.parse("GET", "/bkt", "acl")));
    }

    @Test
    void subresourceNamesAreCaseSensitive() {
        assertEquals(S3Operation.GET_OBJECT, S3OperationClassifier.classify(Requests.parse("GET", "/bkt/k", "ACL")));
        assertEquals(S3Operation.PUT_OBJECT,
                S3OperationClassifier.classify(Requests.parse("PUT", "/bkt/k", "uploadid=u&partnumber=1")));
    }
}
