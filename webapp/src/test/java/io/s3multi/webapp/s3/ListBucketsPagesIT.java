package io.s3multi.webapp.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * AWS's paginated ListBuckets ({@code max-buckets}, {@code continuation-token}, {@code prefix}) with the SDK's
 * defaults and its paginator, and the refusals AWS gives, sent raw where the SDK cannot send them.
 */
class ListBucketsPagesIT extends S3IntegrationTest {

    private String prefix;
    private List<String> buckets;

    @BeforeEach
    void createThreeBucketsUnderOnePrefix() {
        prefix = uniqueBucket() + "-";
        buckets = List.of(prefix + "a", prefix + "b", prefix + "c");
        buckets.forEach(name -> s3().createBucket(b -> b.bucket(name)));
    }

    @AfterEach
    void deleteThem() {
        buckets.forEach(gateway()::deleteBucketDirectly);
    }

    @Test
    void aPrefixSelectsItsBucketsAndIsEchoed() {
        ListBucketsResponse all = s3().listBuckets(b -> b.prefix(prefix));
        assertEquals(buckets, names(all));
        assertEquals(prefix, all.prefix());
        assertNull(all.continuationToken());
        assertTrue(s3().listBuckets(b -> b.prefix(prefix + "z")).buckets().isEmpty());
    }

    @Test
    void maxBucketsCutsPagesThatTheTokenContinues() {
        ListBucketsResponse first = s3().listBuckets(b -> b.prefix(prefix).maxBuckets(2));
        assertEquals(buckets.subList(0, 2), names(first));
        assertNotNull(first.continuationToken());

        ListBucketsResponse second = s3().listBuckets(b -> b.prefix(prefix).maxBuckets(2)
                .continuationToken(first.continuationToken()));
        assertEquals(buckets.subList(2, 3), names(second));
        assertNull(second.continuationToken());

        List<String> walked = s3().listBucketsPaginator(b -> b.prefix(prefix).maxBuckets(1)).buckets().stream()
                .map(Bucket::name).toList();
        assertEquals(buckets, walked);
        // Without parameters ListBuckets still answers every bucket in one document.
        assertTrue(names(s3().listBuckets()).containsAll(buckets));
    }

    @Test
    void outOfRangeAndUnreadableValuesAreInvalidArgument() {
        for (int outOfRange : new int[] {0, -1, 10_001}) {
            S3Exception refused = assertThrows(S3Exception.class,
                    () -> s3().listBuckets(b -> b.maxBuckets(outOfRange)));
            assertEquals(400, refused.statusCode());
            assertEquals("InvalidArgument", refused.awsErrorDetails().errorCode());
            assertEquals("Argument max-buckets must be an integer between 1 and 10000",
                    refused.awsErrorDetails().errorMessage());
        }
        S3Exception badToken = assertThrows(S3Exception.class,
                () -> s3().listBuckets(b -> b.continuationToken("not-a-token")));
        assertEquals("InvalidArgument", badToken.awsErrorDetails().errorCode());
        assertEquals("The continuation token provided is incorrect", badToken.awsErrorDetails().errorMessage());

        RawResponse notANumber = listBucketsRaw("max-buckets", "ten");
        assertEquals(400, notANumber.status(), notANumber.toString());
        assertEquals("InvalidArgument", notANumber.errorCode());
        assertTrue(notANumber.body().contains("Provided max-buckets not an integer or within integer range"),
                notANumber.body());
        assertTrue(notANumber.body().contains("<ArgumentName>max-buckets</ArgumentName>"), notANumber.body());

        RawResponse emptyToken = listBucketsRaw("continuation-token", "");
        assertEquals(200, emptyToken.status(), emptyToken.toString());
    }

    private static RawResponse listBucketsRaw(String parameter, String value) {
        SdkHttpRequest get = RawS3.get(gateway().endpoint(), "/").toBuilder()
                .appendRawQueryParameter(parameter, value).build();
        SdkHttpRequest signed = RawS3.sign(get, null, Clock.systemUTC(), options -> { }).request();
        return RawS3.send(gateway().port(), signed, new byte[0], 0, false);
    }

    private static List<String> names(ListBucketsResponse response) {
        return response.buckets().stream().map(Bucket::name).toList();
    }
}
