package io.s3multi.webapp.s3.processing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** A multipart upload whose parts are stored, not completed yet. */
public record StagedUpload(String bucket, String key, String id, List<byte[]> parts, List<CompletedPart> completed) {

    public static StagedUpload of(S3Client s3, String bucket, String key, byte[]... parts) {
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        List<CompletedPart> completed = new ArrayList<>();
        for (int number = 1; number <= parts.length; number++) {
            int partNumber = number;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(partNumber),
                    RequestBody.fromBytes(parts[number - 1])).eTag();
            completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        return new StagedUpload(bucket, key, id, List.of(parts), completed);
    }

    public void complete(S3Client s3) {
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .multipartUpload(u -> u.parts(completed)));
    }

    public byte[] bytes() throws IOException {
        var all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.write(part);
        }
        return all.toByteArray();
    }
}
