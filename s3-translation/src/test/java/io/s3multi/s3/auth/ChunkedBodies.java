package io.s3multi.s3.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * Writes aws-chunked bodies the way a client does, signed with {@link ChunkSignatureChain} (whose output is pinned
 * to AWS's published chunk signatures in {@link AwsChunkedInputStreamTest}), so tests can build bodies of any
 * shape and then break them.
 */
final class ChunkedBodies {

    private ChunkedBodies() {
    }

    static byte[] filled(int size, char c) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) c);
        return bytes;
    }

    /** A signed body split into chunks of the given sizes, then the final chunk and an optional signed trailer. */
    static byte[] signed(byte[] data, List<Integer> chunkSizes, ChunkSignatureChain chain, String trailerLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        for (int size : chunkSizes) {
            byte[] chunk = Arrays.copyOfRange(data, offset, offset + size);
            offset += size;
            String signature = chain.nextChunk(sha256(chunk));
            write(out, Integer.toHexString(size) + ";chunk-signature=" + signature + "\r\n");
            out.writeBytes(chunk);
            write(out, "\r\n");
        }
        if (offset != data.length) {
            throw new IllegalArgumentException("chunk sizes do not add up");
        }
        write(out, "0;chunk-signature=" + chain.nextChunk(sha256(new byte[0])) + "\r\n");
        if (trailerLine != null) {
            write(out, trailerLine + "\r\n");
            String trailerSignature = chain.trailer(sha256((trailerLine + "\n").getBytes(StandardCharsets.US_ASCII)));
            write(out, "x-amz-trailer-signature:" + trailerSignature + "\r\n");
        }
        write(out, "\r\n");
        return out.toByteArray();
    }

    /** An unsigned body (STREAMING-UNSIGNED-PAYLOAD-TRAILER) with the given trailer lines. */
    static byte[] unsigned(byte[] data, List<Integer> chunkSizes, String... trailerLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        for (int size : chunkSizes) {
            write(out, Integer.toHexString(size) + "\r\n");
            out.write(data, offset, size);
            offset += size;
            write(out, "\r\n");
        }
        write(out, "0\r\n");
        for (String line : trailerLines) {
            write(out, line + "\r\n");
        }
        write(out, "\r\n");
        return out.toByteArray();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
