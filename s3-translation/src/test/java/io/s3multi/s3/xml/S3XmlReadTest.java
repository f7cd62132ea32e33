package io.s3multi.s3.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.documents.AccessControlPolicy;
import io.s3multi.s3.xml.documents.CompleteMultipartUpload;
import io.s3multi.s3.xml.documents.CreateBucketConfiguration;
import io.s3multi.s3.xml.documents.Delete;
import io.s3multi.s3.xml.documents.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class S3XmlReadTest {

    private static final long CAP = 64 * 1024;

    @Test
    void completeWithoutXmlnsReadsBothParts() {
        CompleteMultipartUpload complete = read("<CompleteMultipartUpload>"
                + "<Part><PartNumber>1</PartNumber><ETag>\"a54357aff0632cce46d942af68356b38\"</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>\"0c78aef83f66abc1fa1e8477f296d394\"</ETag>"
                + "<ChecksumCRC32>AAAAAA==</ChecksumCRC32></Part>"
                + "</CompleteMultipartUpload>", CompleteMultipartUpload.class);
        assertEquals(2, complete.parts().size());
        assertEquals(1, complete.parts().get(0).partNumber());
        assertEquals("\"a54357aff0632cce46d942af68356b38\"", complete.parts().get(0).eTag());
        assertEquals(2, complete.parts().get(1).partNumber());
        assertEquals("AAAAAA==", complete.parts().get(1).checksum("CRC32"));
    }

    @Test
    void completeWithXmlnsReadsTheSame() {
        CompleteMultipartUpload complete = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\n"
                + "  <Part>\n    <ETag>\"e1\"</ETag>\n    <PartNumber> 7 </PartNumber>\n  </Part>\n"
                + "</CompleteMultipartUpload>\n", CompleteMultipartUpload.class);
        assertEquals(1, complete.parts().size());
        assertEquals(7, complete.parts().get(0).partNumber());
        assertEquals("\"e1\"", complete.parts().get(0).eTag());
    }

    @Test
    void prefixedS3NamespaceIsAlsoRead() {
        CompleteMultipartUpload complete = read("<s3:CompleteMultipartUpload xmlns:s3=\"" + S3Xml.NAMESPACE + "\">"
                + "<s3:Part><s3:PartNumber>3</s3:PartNumber><s3:ETag>e</s3:ETag></s3:Part>"
                + "</s3:CompleteMultipartUpload>", CompleteMultipartUpload.class);
        assertEquals(3, complete.parts().get(0).partNumber());
    }

    @Test
    void elementsANewerSdkAddsAreIgnored() {
        CreateBucketConfiguration config = read("<CreateBucketConfiguration>"
                + "<LocationConstraint>us-west-2</LocationConstraint>"
                + "<Bucket><Type>Directory</Type></Bucket></CreateBucketConfiguration>",
                CreateBucketConfiguration.class);
        assertEquals("us-west-2", config.locationConstraint());
    }

    @Test
    void aPartNumberThatIsNotAnIntIsMalformedXml() {
        for (String bad : List.of("one", "99999999999", "1.5", "")) {
            CompleteMultipartUpload complete = read("<CompleteMultipartUpload><Part><PartNumber>" + bad
                    + "</PartNumber><ETag>e</ETag></Part></CompleteMultipartUpload>", CompleteMultipartUpload.class);
            S3Exception e = assertThrows(S3Exception.class, () -> complete.parts().get(0).partNumber(), bad);
            assertEquals(S3ErrorCode.MALFORMED_XML, e.code());
        }
    }

    @Test
    void aMissingPartNumberIsMalformedXml() {
        CompleteMultipartUpload complete = read("<CompleteMultipartUpload><Part><ETag>e</ETag></Part>"
                + "</CompleteMultipartUpload>", CompleteMultipartUpload.class);
        assertEquals(S3ErrorCode.MALFORMED_XML,
                assertThrows(S3Exception.class, () -> complete.parts().get(0).partNumber()).code());
    }

    @Test
    void deleteReadsKeysVersionsAndQuiet() {
        Delete delete = read("<Delete><Quiet>true</Quiet><Object><Key>a &amp; b</Key></Object>"
                + "<Object><Key>c</Key><VersionId>v1</VersionId></Object></Delete>", Delete.class);
        assertTrue(delete.isQuiet());
        assertEquals("a & b", delete.objects().get(0).key());
        assertNull(delete.objects().get(0).versionId());
        assertEquals("v1", delete.objects().get(1).versionId());
        Delete loud = read("<Delete><Object><Key>a</Key></Object></Delete>", Delete.class);
        assertFalse(loud.isQuiet());
        Delete odd = read("<Delete><Quiet>yes</Quiet></Delete>", Delete.class);
        assertEquals(S3ErrorCode.MALFORMED_XML, assertThrows(S3Exception.class, odd::isQuiet).code());
    }

    @Test
    void granteeTypeIsReadFromXsiType() {
        AccessControlPolicy policy = read(
                "<AccessControlPolicy xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<Owner><ID>o</ID></Owner><AccessControlList><Grant>"
                + "<Grantee xsi:type=\"CanonicalUser\"><ID>u</ID><DisplayName>d</DisplayName></Grantee>"
                + "<Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>",
                AccessControlPolicy.class);
        AccessControlPolicy.Grant grant = policy.grants().get(0);
        assertEquals("CanonicalUser", grant.grantee().type());
        assertEquals("u", grant.grantee().id());
        assertEquals("READ", grant.permission());
    }

    @Test
    void anotherRootElementIsMalformedXml() {
        assertMalformed("<Delete><Object><Key>a</Key></Object></Delete>", CompleteMultipartUpload.class);
        assertMalformed("<CompleteMultipartUpload xmlns=\"urn:other\"/>", CompleteMultipartUpload.class);
    }

    @Test
    void bodiesThatAreNotWellFormedAreMalformedXml() {
        assertMalformed("<CompleteMultipartUpload><Part>", CompleteMultipartUpload.class);
        assertMalformed("not xml at all", CompleteMultipartUpload.class);
        assertMalformed("   ", CompleteMultipartUpload.class);
        assertMalformed("<CompleteMultipartUpload/><CompleteMultipartUpload/>", CompleteMultipartUpload.class);
        assertMalformed("<CompleteMultipartUpload/>trailing", CompleteMultipartUpload.class);
        assertMalformed("<VersioningConfiguration><Status>&undeclared;</Status></VersioningConfiguration>",
                VersioningConfiguration.class);
    }

    @Test
    void invalidUtf8IsMalformedXml() {
        byte[] body = {'<', 'D', 'e', 'l', 'e', 't', 'e', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'D', 'e', 'l',
                'e', 't', 'e', '>'};
        S3Exception e = assertThrows(S3Exception.class,
                () -> S3Xml.read(new ByteArrayInputStream(body), Delete.class, CAP));
        assertEquals(S3ErrorCode.MALFORMED_XML, e.code());
    }

    @Test
    void anEmptyBodyIsMalformedWhenRequiredAndAbsentWhenOptional() {
        assertMalformed("", CompleteMultipartUpload.class);
        assertEquals(Optional.empty(), S3Xml.readIfPresent(new ByteArrayInputStream(new byte[0]),
                CreateBucketConfiguration.class, CAP));
    }

    @Test
    void aBodyOfExactlyTheCapIsRead() {
        String xml = padTo("<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>", 1000);
        VersioningConfiguration config = S3Xml.read(utf8(xml), VersioningConfiguration.class, 1000);
        assertEquals("Enabled", config.status());
    }

    @Test
    void oneByteOverTheCapIsMaxMessageLengthExceeded() {
        String xml = padTo("<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>", 1001);
        S3Exception e = assertThrows(S3Exception.class,
                () -> S3Xml.read(utf8(xml), VersioningConfiguration.class, 1000));
        assertEquals(S3ErrorCode.MAX_MESSAGE_LENGTH_EXCEEDED, e.code());
        assertEquals("1000", e.details().get("MaxMessageLengthBytes"));
    }

    @Test
    void aHugeBodyIsCutOffAtTheCapWithoutBeingRead() {
        // A valid start followed by white space for ever: only the cap can end this.
        var endless = new InputStream() {
            private final byte[] start = "<CompleteMultipartUpload>".getBytes(StandardCharsets.UTF_8);
            long served;

            @Override
            public int read() {
                return served < start.length ? start[(int) served++] : pad();
            }

            private int pad() {
                served++;
                return ' ';
            }
        };
        S3Exception e = assertThrows(S3Exception.class,
                () -> S3Xml.read(endless, CompleteMultipartUpload.class, CAP));
        assertEquals(S3ErrorCode.MAX_MESSAGE_LENGTH_EXCEEDED, e.code());
        assertTrue(endless.served <= CAP + 1, "read " + endless.served + " bytes");
    }

    @Test
    void aFailureOfTheBodyStreamSurfacesUnchanged() {
        S3Exception mismatch = S3Exception.xAmzContentSha256Mismatch("a", "b");
        InputStream verifying = new InputStream() {
            private final InputStream body = utf8("<CompleteMultipartUpload><Part>");

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b < 0) {
                    throw mismatch;
                }
                return b;
            }
        };
        S3Exception e = assertThrows(S3Exception.class,
                () -> S3Xml.read(verifying, CompleteMultipartUpload.class, CAP));
        assertSame(mismatch, e);
    }

    @Test
    void aBrokenConnectionIsAnIoFailureNotMalformedXml() {
        InputStream broken = new InputStream() {
            private final InputStream body = utf8("<CompleteMultipartUpload><Part>");

            @Override
            public int read() throws IOException {
                int b = body.read();
                if (b < 0) {
                    throw new IOException("connection reset");
                }
                return b;
            }
        };
        assertThrows(UncheckedIOException.class, () -> S3Xml.read(broken, CompleteMultipartUpload.class, CAP));
    }

    @Test
    void tenThousandPartsReadWithinTheCapInModestMemory() {
        var xml = new StringBuilder("<CompleteMultipartUpload>");
        for (int part = 1; part <= 10_000; part++) {
            xml.append("<Part><ETag>\"").append(String.format("%032x", part)).append("\"</ETag>")
                    .append("<ChecksumCRC32>AAAAAA==</ChecksumCRC32>")
                    .append("<PartNumber>").append(part).append("</PartNumber></Part>");
        }
        byte[] body = xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length < S3Xml.MAX_COMPLETE_MULTIPART_UPLOAD_BYTES, body.length + " bytes");

        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        CompleteMultipartUpload complete = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> S3Xml.read(
                new ByteArrayInputStream(body), CompleteMultipartUpload.class,
                S3Xml.MAX_COMPLETE_MULTIPART_UPLOAD_BYTES));
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(10_000, complete.parts().size());
        assertEquals(10_000, complete.parts().get(9_999).partNumber());
        assertEquals("\"" + String.format("%032x", 10_000) + "\"", complete.parts().get(9_999).eTag());
        // Total allocation, not the live set: garbage included it stays a small multiple of the 1.1 MB body.
        assertTrue(allocated < 64L * 1024 * 1024, "allocated " + allocated + " bytes");
    }

    private static <T> T read(String xml, Class<T> type) {
        return S3Xml.read(utf8(xml), type, CAP);
    }

    private static void assertMalformed(String xml, Class<?> type) {
        S3Exception e = assertThrows(S3Exception.class, () -> S3Xml.read(utf8(xml), type, CAP), xml);
        assertEquals(S3ErrorCode.MALFORMED_XML, e.code(), xml);
    }

    static InputStream utf8(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String padTo(String xml, int length) {
        return xml + " ".repeat(length - xml.length());
    }
}
