package io.s3multi.s3.request;

import io.s3multi.s3.error.S3Exception;
import java.nio.charset.StandardCharsets;

/** The limits S3 puts on object keys. */
public final class ObjectKeys {

    /** The longest key S3 accepts, in UTF-8 bytes. */
    public static final int MAX_KEY_BYTES = 1024;

    private ObjectKeys() {
    }

    /**
     * Returns the key when S3 would accept it.
     *
     * @throws S3Exception {@code KeyTooLongError} with the key's size when its UTF-8 form exceeds 1024 bytes
     */
    public static String requireValid(String key) {
        // Every UTF-16 unit is at most 3 UTF-8 bytes: short keys need no encoding to pass.
        if (key.length() * 3 > MAX_KEY_BYTES) {
            int size = key.getBytes(StandardCharsets.UTF_8).length;
            if (size > MAX_KEY_BYTES) {
                throw S3Exception.keyTooLong(size, MAX_KEY_BYTES);
            }
        }
        return key;
    }
}
