package io.s3multi.s3.processing;

import io.s3multi.swift.error.SwiftException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A virus scan by a ClamAV daemon over TCP, with clamd's {@code zINSTREAM} command: the assembled object is streamed
 * from Swift in chunks, each sent as a 4-byte big-endian length and its bytes, ended by a zero length; clamd then
 * answers {@code stream: OK}, {@code stream: <signature> FOUND} or {@code ... ERROR} (for instance an object over
 * its {@code StreamMaxLength}). FOUND rejects the upload; an ERROR or an unreachable clamd is no verdict: the upload
 * stays unpublished and a retried Complete scans again.
 */
record ClamavStep(InetSocketAddress clamd, Duration timeout) implements Step {

    private static final int MAX_ANSWER = 4096;

    @Override
    public String name() {
        return ProcessingSettings.CLAMAV;
    }

    @Override
    public Outcome run(ProcessedUpload upload) throws SwiftException, IOException {
        try (Socket socket = new Socket()) {
            socket.connect(clamd, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(socket.getOutputStream(),
                    AssembledObject.CHUNK + 4));
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            AssembledObject.read(upload, (chunk, length) -> {
                out.writeInt(length);
                out.write(chunk, 0, length);
            });
            out.writeInt(0);
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            return verdict(answer);
        }
    }

    static Outcome verdict(String answer) throws IOException {
        if (answer.endsWith(" FOUND")) {
            String signature = answer.substring(answer.indexOf(':') + 1, answer.length() - " FOUND".length()).trim();
            return Outcome.reject("clamd found " + signature);
        }
        if (answer.endsWith(": OK")) {
            return Outcome.PASS;
        }
        throw new IOException("clamd answered: " + answer);
    }

    /** clamd's answer to a {@code z} command ends with a NUL byte. */
    private static String readAnswer(InputStream in) throws IOException {
        var answer = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            if (answer.size() == MAX_ANSWER) {
                throw new IOException("clamd's answer is too long");
            }
            answer.write(b);
        }
        return answer.toString(StandardCharsets.US_ASCII).trim();
    }

    /** For tests and checks: whether clamd answers {@code PING}. */
    static boolean ping(InetSocketAddress clamd, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(clamd, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readAnswer(socket.getInputStream()).equals("PONG");
        } catch (IOException e) {
            return false;
        }
    }
}
