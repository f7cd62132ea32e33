package io.s3multi.s3.multipart;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The ETag S3 gives an object made by CompleteMultipartUpload: the MD5 of the concatenated binary MD5s of its
 * parts, in hex, then {@code -N} for N parts. Clients recompute it to verify uploads, and Swift cannot derive it
 * (the SLO ETag is the MD5 of the hex strings), so the gateway computes and stores it.
 */
public final class MultipartEtag {

    private static final HexFormat HEX = HexFormat.of();

    private MultipartEtag() {
    }

    /** {@code md5(concat(binary part md5s))-N}, unquoted. */
    public static String of(List<String> partMd5Hex) {
        if (partMd5Hex.isEmpty()) {
            throw new IllegalArgumentException("a multipart ETag needs at least one part");
        }
        MessageDigest md5 = md5();
        for (String hex : partMd5Hex) {
            md5.update(HEX.parseHex(hex));
        }
        return HEX.formatHex(md5.digest()) + "-" + partMd5Hex.size();
    }

    /** An ETag as clients send it (quoted or not, any case) in the form stored: unquoted lower-case hex. */
    public static String normalize(String eTag) {
        if (eTag == null) {
            return "";
        }
        String trimmed = eTag.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        } else if (trimmed.startsWith("&quot;") && trimmed.endsWith("&quot;") && trimmed.length() >= 12) {
            trimmed = trimmed.substring(6, trimmed.length() - 6);
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /** {@code "etag"}, as S3 shows ETags. */
    public static String quote(String eTag) {
        return "\"" + eTag + "\"";
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
