package io.s3multi.filters.proxyserver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The client's request body on its way to the backend, remembering whether reading it failed, so that a
 * client that hangs up mid-upload is not reported as a backend failure.
 */
final class ClientBody extends FilterInputStream {

    private volatile boolean failed;

    ClientBody(InputStream in) {
        super(in);
    }

    boolean failed() {
        return failed;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }
}
