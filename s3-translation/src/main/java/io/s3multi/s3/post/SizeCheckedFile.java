package io.s3multi.s3.post;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.swift.io.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The form's file held to the policy's {@code content-length-range} while it streams: one byte over the maximum
 * throws {@code EntityTooLarge}, and an end below the minimum throws {@code EntityTooSmall} instead of reporting
 * the end. Either way the upload fed from it stops before its body is complete, so Swift stores nothing.
 */
final class SizeCheckedFile extends BlockInputStream {

    private final InputStream file;
    private final PostPolicy.LengthRange range;
    private long count;

    SizeCheckedFile(InputStream file, PostPolicy.LengthRange range) {
        this.file = file;
        this.range = range;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = file.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            if (count > range.max()) {
                throw S3Exception.entityTooLarge(count, range.max()).withReason("post.content-length-range");
            }
        } else if (n < 0 && count < range.min()) {
            throw S3Exception.of(S3ErrorCode.ENTITY_TOO_SMALL).with("ProposedSize", count)
                    .with("MinSizeAllowed", range.min()).withReason("post.content-length-range");
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
