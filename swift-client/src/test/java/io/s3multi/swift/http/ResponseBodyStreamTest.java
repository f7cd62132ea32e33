package io.s3multi.swift.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseBodyStreamTest {

    /**
     * Every HEAD's answer, and every other answer without a body, is discarded: an 8 KiB scratch array for nothing
     * was a sixth of what a HEAD through the gateway allocated (docs/BENCHMARKS.md, session 10).
     */
    @Test
    void discardingABodyThatHasEndedAllocatesNoScratchArray() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 200; i++) {   // the least of many tries: the JIT and the bean allocate now and then
            ResponseBodyStream empty = new ResponseBodyStream(InputStream.nullInputStream(), failure -> { }, 0,
                    "HEAD /v1/AUTH_a/c/o");
            long before = threads.getThreadAllocatedBytes(thread);
            empty.discard(64 * 1024);
            least = Math.min(least, threads.getThreadAllocatedBytes(thread) - before);
        }
        assertTrue(least < 1024, "discarding an ended body allocated " + least + " bytes");
    }

    @Test
    void discardingReadsASmallBodyToItsEndAndAbortsNothing() throws IOException {
        List<Throwable> aborts = new ArrayList<>();
        ResponseBodyStream body = new ResponseBodyStream(new ByteArrayInputStream(new byte[20_000]), aborts::add,
                20_000, "GET /v1/AUTH_a/c/o");

        body.discard(64 * 1024);

        assertTrue(body.isAtEnd());
        assertEquals(20_000, body.bytesReceived());
        assertEquals(List.of(), aborts);
    }
}
