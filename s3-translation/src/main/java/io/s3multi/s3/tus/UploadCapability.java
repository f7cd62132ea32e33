package io.s3multi.s3.tus;

import io.s3multi.s3.contract.UploadId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tus upload id, the last segment of an upload's URL: what the upload is, and the gateway's word that it made
 * that URL. {@code <upload id>.<account>.<key>.<mac>}, account and key in unpadded base64url, the mac the first
 * 16 bytes of HMAC-SHA256 under the gateway secret over bucket, account, key and upload id, also base64url.
 *
 * <p>Why a capability: the requests after the creation POST (HEAD, PATCH, DELETE) come from tus clients, which
 * cannot sign them for S3. Whoever holds the URL may act on that one upload (the way a presigned URL works, and as
 * tusd's URLs work), and on nothing else: the mac binds the account, bucket and key, so an URL cannot be turned to
 * another upload or key. Gateways sharing the secret accept each other's URLs. The upload's lifetime bounds the
 * URL's (see {@link TusSettings#expiration()}).
 */
public final class UploadCapability {

    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec secret;

    /** @param secret the gateway secret; every gateway serving the same uploads must have the same */
    public UploadCapability(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("the tus secret needs at least 16 bytes");
        }
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The id of {@code upload}, for its URL. */
    public String idOf(TusUploadRef upload) {
        return upload.uploadId().value() + "." + encode(upload.account()) + "." + encode(upload.key()) + "."
                + ENCODER.encodeToString(mac(upload));
    }

    /** The upload an id names, when this gateway (or one with its secret) made the id for {@code bucket}. */
    public Optional<TusUploadRef> verify(String bucket, String id) {
        String[] parts = id.split("\\.", -1);
        if (parts.length != 4 || !UploadId.isWellFormed(parts[0])) {
            return Optional.empty();
        }
        try {
            var upload = new TusUploadRef(decode(parts[1]), bucket, decode(parts[2]), new UploadId(parts[0]));
            byte[] claimed = DECODER.decode(parts[3]);
            return MessageDigest.isEqual(claimed, mac(upload)) ? Optional.of(upload) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(TusUploadRef upload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            String signed = String.join("\n", "tus-upload", upload.account(), upload.bucket(), upload.key(),
                    upload.uploadId().value());
            return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String encode(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String value) {
        return new String(DECODER.decode(value), StandardCharsets.UTF_8);
    }
}
