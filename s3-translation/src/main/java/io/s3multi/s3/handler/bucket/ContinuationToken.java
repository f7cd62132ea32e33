package io.s3multi.s3.handler.bucket;

import io.s3multi.s3.error.S3Exception;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code continuation-token} of ListObjectsV2: the name the previous page ended with, made opaque.
 *
 * <p>The token is {@code 1} (a format version) followed by the URL-safe base64 of the name's UTF-8 bytes,
 * without padding, so it survives any query-string handling and is never mistaken for a key. Clients must
 * treat it as opaque (AWS's are); keeping the position in the token keeps the gateway stateless.
 */
public final class ContinuationToken {

    private static final char VERSION = '1';

    private ContinuationToken() {
    }

    /** The token that continues after {@code name} (a key or a common prefix). */
    public static String encode(String name) {
        return VERSION + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The name a token continues after.
     *
     * @throws S3Exception {@code InvalidArgument} for a token this gateway did not write
     */
    public static String decode(String token) {
        if (token.length() < 2 || token.charAt(0) != VERSION) {
            throw invalid(token);
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token.substring(1));
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException notOurs) {
            throw invalid(token);
        }
    }

    private static S3Exception invalid(String token) {
        return S3Exception.invalidArgument("continuation-token", token,
                "The continuation token provided is incorrect");
    }
}
