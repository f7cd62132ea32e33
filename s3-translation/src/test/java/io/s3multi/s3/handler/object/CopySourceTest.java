package io.s3multi.s3.handler.object;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CopySourceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/photos/2024/cat.jpg|photos|2024/cat.jpg",
            "photos/2024/cat.jpg|photos|2024/cat.jpg",
            "photos/a%20b%2Bc+d|photos|a b+c+d",
            "photos/what%3F%23|photos|what?#",
            "photos/%E2%82%AC//..//|photos|€//..//",
            "photos/k?versionId=null|photos|k",
            "/photos/a%2Fb|photos|a/b"})
    void parsesBucketAndDecodedKey(String header, String bucket, String key) {
        CopySource source = CopySource.parse(header);
        assertEquals(bucket, source.bucket());
        assertEquals(key, source.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "photos", "photos/", "/photos", "/", "photos/k?versionId=abc", "photos/k?acl",
            "photos/%zz"})
    void refusesSourcesWithoutBucketAndKeyOrWithAVersion(String header) {
        S3Exception refused = assertThrows(S3Exception.class, () -> CopySource.parse(header));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, refused.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Photos/k", "my_bucket/k"})
    void refusesInvalidBucketNames(String header) {
        assertEquals(S3ErrorCode.INVALID_BUCKET_NAME,
                assertThrows(S3Exception.class, () -> CopySource.parse(header)).code());
    }
}
