package io.s3multi.s3.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bodies built to make an XML parser read files, fetch URLs or expand entities: all must fail, doing none. */
class HostileXmlTest {

    private static final String SECRET = "s3cr3t-" + System.nanoTime();

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void startTrapServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] dtd = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, dtd.length);
            exchange.getResponseBody().write(dtd);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopTrapServer() {
        server.stop(0);
    }

    @Test
    void externalFileEntityIsRefusedAndTheFileIsNotRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String body = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>&xxe;</ETag></Part>"
                + "</CompleteMultipartUpload>";
        S3Exception e = assertRefusedAsDoctype(body);
        assertFalse(e.toString().contains(SECRET));
        assertFalse(new String(io.s3multi.s3.error.S3ErrorXml.render(e, "tx", null), StandardCharsets.UTF_8)
                .contains(SECRET));
    }

    @Test
    void externalDtdIsNeverFetched() {
        assertRefusedAsDoctype("<!DOCTYPE r SYSTEM \"" + trapUrl("ext.dtd") + "\">"
                + "<CompleteMultipartUpload><Part><ETag>&leak;</ETag></Part></CompleteMultipartUpload>");
        assertEquals(0, fetches.get());
    }

    @Test
    void externalParameterEntityIsNeverFetched() {
        assertRefusedAsDoctype("<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + trapUrl("p.dtd") + "\"> %p;]>"
                + "<CompleteMultipartUpload><Part><ETag>&leak;</ETag></Part></CompleteMultipartUpload>");
        assertEquals(0, fetches.get());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        var dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        dtd.append("]>");
        String body = dtd + "<CompleteMultipartUpload><Part><ETag>&lol9;</ETag></Part></CompleteMultipartUpload>";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertRefusedAsDoctype(body));
    }

    @Test
    void anInternalSubsetWithoutEntitiesIsStillRefused() {
        assertRefusedAsDoctype("<!DOCTYPE CompleteMultipartUpload []><CompleteMultipartUpload/>");
    }

    @Test
    void xincludeIsNotProcessed() {
        CompleteMultipartUpload complete = S3Xml.read(S3XmlReadTest.utf8(
                "<CompleteMultipartUpload xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Part>"
                        + "<PartNumber>1</PartNumber><ETag><xi:include href=\"" + trapUrl("x") + "\" parse=\"text\"/>"
                        + "</ETag></Part></CompleteMultipartUpload>"), CompleteMultipartUpload.class, 4096);
        assertEquals(1, complete.parts().get(0).partNumber());
        assertEquals(0, fetches.get());
    }

    private String trapUrl(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    private static S3Exception assertRefusedAsDoctype(String body) {
        S3Exception e = assertThrows(S3Exception.class,
                () -> S3Xml.read(S3XmlReadTest.utf8(body), CompleteMultipartUpload.class, 64 * 1024));
        assertEquals(S3ErrorCode.MALFORMED_XML, e.code());
        assertEquals(Optional.of("doctype"), e.reason());
        return e;
    }
}
