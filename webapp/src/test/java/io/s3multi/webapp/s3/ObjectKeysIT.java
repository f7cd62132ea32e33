package io.s3multi.webapp.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.swift.container.ListingQuery;
import io.s3multi.swift.container.ObjectEntry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Keys that break naive encoders round-trip unchanged through put, get, head, copy and delete: Swift stores
 * exactly the key the client meant (checked in Swift's own listing) and S3 reads give back the same bytes.
 */
class ObjectKeysIT extends S3IntegrationTest {

    static final List<String> AWKWARD_KEYS = List.of(
            "unicode/é€日本語🙂", "with space", "100%", "100%25", "a+b", "what?", "hash#tag", "dots/../up", "./here", "trailing/", "semi;colon", "amp&eq=", "tilde~star*", "quote\"'", "back\\slash");

    @Test
    void awkwardKeysRoundTrip() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        for (String key : AWKWARD_KEYS) {
            s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("body of " + key));
        }
        Set<String> listed = swift().containers().listAllObjects(bucket, ListingQuery.all()).stream()
                .map(ObjectEntry::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(AWKWARD_KEYS), listed);

        for (String key : AWKWARD_KEYS) {
            assertArrayEquals(("body of " + key).getBytes(UTF_8),
                    s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray(), key);
            assertArrayEquals(("body of " + key).getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, key), key);
            s3().copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket)
                    .destinationKey("copy/" + key));
            assertArrayEquals(("body of " + key).getBytes(UTF_8),
                    ObjectTests.readDirectly(swift(), bucket, "copy/" + key), key);
        }

        String first = AWKWARD_KEYS.get(0);
        s3().deleteObject(b -> b.bucket(bucket).key(first));
        ObjectTests.assertNotInSwift(swift(), bucket, first);
        s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(AWKWARD_KEYS.stream()
                .map(key -> ObjectIdentifier.builder().key("copy/" + key).build()).toList())));
        for (String key : AWKWARD_KEYS) {
            ObjectTests.assertNotInSwift(swift(), bucket, "copy/" + key);
        }
        assertTrue(ObjectTests.existsInSwift(swift(), bucket, AWKWARD_KEYS.get(1)));
    }

    /**
     * {@code //} through boto3. (The Java SDK sends {@code //} as {@code /%2F} but signs it as {@code //}; the
     * signature check has to canonicalise that first, which is the auth stage's business, not tested here.)
     */
    @Test
    void doubleSlashesRoundTripThroughBoto3() throws Exception {
        String bucket = ObjectTests.createBucket(this, swift());
        ToolResult result = tools().boto3(String.join("\n",
                "s3 = s3_client()",
                "B = '" + bucket + "'",
                "for key in ['double//slash', '//lead', 'x/..//../y']:",
                "    s3.put_object(Bucket=B, Key=key, Body=key.encode())",
                "    expect(s3.get_object(Bucket=B, Key=key)['Body'].read() == key.encode(), key)",
                "    s3.copy_object(Bucket=B, Key='copy/' + key, CopySource={'Bucket': B, 'Key': key})",
                "s3.delete_object(Bucket=B, Key='//lead')",
                "print('ok')"));
        result.requireSuccess();
        Set<String> listed = swift().containers().listAllObjects(bucket, ListingQuery.all()).stream()
                .map(ObjectEntry::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("double//slash", "x/..//../y", "copy/double//slash", "copy///lead",
                "copy/x/..//../y")), listed);
        assertArrayEquals("x/..//../y".getBytes(UTF_8), ObjectTests.readDirectly(swift(), bucket, "copy/x/..//../y"));
    }
}
