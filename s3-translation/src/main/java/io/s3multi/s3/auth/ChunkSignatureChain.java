package io.s3multi.s3.auth;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The chain of signatures over the chunks of a signed aws-chunked body.
 *
 * <p>Each chunk's signature signs the chunk's SHA-256 and the previous signature, starting from the request's own
 * ("seed") signature, so chunks cannot be altered, dropped or reordered:
 *
 * <pre>{@code
 * AWS4-HMAC-SHA256-PAYLOAD\n<X-Amz-Date>\n<scope>\n<previous signature>\n<SHA-256 of "">\n<SHA-256 of chunk>
 * }</pre>
 *
 * The final, empty chunk is signed the same way. With a trailer, the trailer's signature continues the chain:
 *
 * <pre>{@code
 * AWS4-HMAC-SHA256-TRAILER\n<X-Amz-Date>\n<scope>\n<previous signature>\n<SHA-256 of the trailer lines>
 * }</pre>
 *
 * where the trailer lines are {@code name:value\n} for each trailer, in order. Every signature is HMAC-SHA256
 * with the request's {@link SigningKey}, as lower-case hex.
 */
public final class ChunkSignatureChain {

    private final SigningKey key;
    private final String prefix;
    private String previous;

    /**
     * @param key           the signing key of the request
     * @param amzDate       the request's {@code X-Amz-Date}
     * @param seedSignature the request's signature
     */
    public ChunkSignatureChain(SigningKey key, String amzDate, String seedSignature) {
        this.key = Objects.requireNonNull(key, "key");
        this.prefix = "\n" + Objects.requireNonNull(amzDate, "amzDate") + "\n" + key.scope() + "\n";
        this.previous = Objects.requireNonNull(seedSignature, "seedSignature");
    }

    /** The chain of a verified SigV4 request. */
    public static ChunkSignatureChain of(SigV4Request request, SigningKey key) {
        return new ChunkSignatureChain(key, request.amzDate(), request.signature());
    }

    /** The signature the next chunk must carry, given its SHA-256; the chain moves on past it. */
    public String nextChunk(byte[] chunkSha256) {
        previous = key.sign("AWS4-HMAC-SHA256-PAYLOAD" + prefix + previous + "\n" + Hashing.EMPTY_SHA256 + "\n"
                + HexFormat.of().formatHex(chunkSha256));
        return previous;
    }

    /** The signature the trailer must carry, given the SHA-256 of its canonical lines. */
    public String trailer(byte[] trailerSha256) {
        previous = key.sign("AWS4-HMAC-SHA256-TRAILER" + prefix + previous + "\n"
                + HexFormat.of().formatHex(trailerSha256));
        return previous;
    }
}
