package io.s3multi.s3.auth;

import java.util.HexFormat;
import java.util.Objects;

/**
 * A SigV4 signing key: {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")}.
 *
 * <p>It is valid for one secret, day, region and service, and signs the request's string to sign and every
 * chunk of an aws-chunked body. Like the secret it stands for, it never appears in {@link #toString()}.
 */
public final class SigningKey {

    private final byte[] key;
    private final CredentialScope scope;

    private SigningKey(byte[] key, CredentialScope scope) {
        this.key = key;
        this.scope = scope;
    }

    /** Derives the key (four HMACs); prefer {@link SigningKeyCache#get} on hot paths. */
    public static SigningKey derive(SecretAccessKey secret, CredentialScope scope) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(scope, "scope");
        byte[] date = Hashing.hmac("HmacSHA256", secret.sigV4Seed(), scope.date());
        byte[] region = Hashing.hmac("HmacSHA256", date, scope.region());
        byte[] service = Hashing.hmac("HmacSHA256", region, scope.service());
        return new SigningKey(Hashing.hmac("HmacSHA256", service, CredentialScope.TERMINATOR), scope);
    }

    /** The scope this key was derived for. */
    public CredentialScope scope() {
        return scope;
    }

    /** Lower-case hex HMAC-SHA256 of {@code stringToSign}: a SigV4 signature. */
    public String sign(String stringToSign) {
        return HexFormat.of().formatHex(Hashing.hmac("HmacSHA256", key, stringToSign));
    }

    @Override
    public String toString() {
        return "SigningKey[" + scope + "]";
    }
}
