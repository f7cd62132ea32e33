package io.s3multi.s3.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.xml.documents.AccessControlPolicy;
import io.s3multi.s3.xml.documents.CompleteMultipartUploadResult;
import io.s3multi.s3.xml.documents.ListBucketResult;
import io.s3multi.s3.xml.documents.ListVersionsResult;
import io.s3multi.s3.xml.documents.LocationConstraint;
import io.s3multi.s3.xml.documents.VersioningConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class S3XmlWriteTest {

    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    static Stream<Object> documents() {
        return SampleDocuments.all().stream();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyDocumentIsWrittenInTheDefaultS3NamespaceWithoutPrefixes(Object document) throws Exception {
        String xml = new String(S3Xml.toBytes(document), StandardCharsets.UTF_8);
        String root = document.getClass().getSimpleName();
        assertTrue(xml.startsWith(DECLARATION + "<" + root + " xmlns=\"" + S3Xml.NAMESPACE + "\""), xml);
        assertFalse(xml.contains("ns2"), xml);
        assertFalse(xml.contains("standalone"), xml);

        Document dom = parse(xml);
        NodeList all = dom.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertEquals(S3Xml.NAMESPACE, element.getNamespaceURI(), element.getTagName());
            assertEquals(null, element.getPrefix(), element.getTagName());
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyDocumentReadsBackAsItWasWritten(Object document) {
        byte[] first = S3Xml.toBytes(document);
        Object read = S3Xml.read(new ByteArrayInputStream(first), document.getClass(), 1 << 20);
        assertEquals(new String(first, StandardCharsets.UTF_8),
                new String(S3Xml.toBytes(read), StandardCharsets.UTF_8));
    }

    @Test
    void listObjectsV2IsWrittenInAwsOrderWithAwsTimes() {
        var result = new ListBucketResult("photos").prefix("a/").keyCount(1).maxKeys(2).delimiter("/")
                .truncated(true).nextContinuationToken("tok")
                .addContents(new ListBucketResult.Contents("a/1.jpg", SampleDocuments.WHEN,
                        "\"9b2cf535f27731c974343645a3985328\"", 434234, "STANDARD"))
                .addCommonPrefix("a/b/");
        assertEquals(DECLARATION
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Name>photos</Name><Prefix>a/</Prefix><NextContinuationToken>tok</NextContinuationToken>"
                + "<KeyCount>1</KeyCount><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>"
                + "<Contents><Key>a/1.jpg</Key><LastModified>2009-10-12T17:50:30.000Z</LastModified>"
                + "<ETag>\"9b2cf535f27731c974343645a3985328\"</ETag><Size>434234</Size>"
                + "<StorageClass>STANDARD</StorageClass></Contents>"
                + "<CommonPrefixes><Prefix>a/b/</Prefix></CommonPrefixes></ListBucketResult>",
                new String(S3Xml.toBytes(result), StandardCharsets.UTF_8));
    }

    @Test
    void checksumsAreWrittenAfterTheETag() {
        var result = new CompleteMultipartUploadResult("http://h/b/k", "b", "k", "\"abc-2\"")
                .checksum("CRC32", "AAAAAA==").checksumType("COMPOSITE");
        String xml = new String(S3Xml.toBytes(result), StandardCharsets.UTF_8);
        assertTrue(xml.endsWith("<ETag>\"abc-2\"</ETag><ChecksumCRC32>AAAAAA==</ChecksumCRC32>"
                + "<ChecksumType>COMPOSITE</ChecksumType></CompleteMultipartUploadResult>"), xml);
    }

    @Test
    void anUnknownChecksumAlgorithmIsRefused() {
        var result = new CompleteMultipartUploadResult("l", "b", "k", "e");
        assertThrows(IllegalArgumentException.class, () -> result.checksum("MD5", "x"));
    }

    @Test
    void usEast1LocationIsAnEmptyElement() {
        assertEquals(DECLARATION + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>",
                new String(S3Xml.toBytes(LocationConstraint.usEast1()), StandardCharsets.UTF_8));
    }

    @Test
    void neverVersionedBucketAnswersAnEmptyConfiguration() {
        assertEquals(DECLARATION + "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"/>",
                new String(S3Xml.toBytes(new VersioningConfiguration()), StandardCharsets.UTF_8));
    }

    @Test
    void versionsAndDeleteMarkersKeepTheirInterleavedOrder() throws Exception {
        var result = new ListVersionsResult("b")
                .addVersion(new ListVersionsResult.Version("a", "null", true, SampleDocuments.WHEN, "\"e\"", 1,
                        "STANDARD"))
                .addDeleteMarker(new ListVersionsResult.DeleteMarker("b", "v2", true, SampleDocuments.WHEN, null))
                .addVersion(new ListVersionsResult.Version("c", "null", true, SampleDocuments.WHEN, "\"e\"", 1,
                        "STANDARD"));
        Element root = parse(new String(S3Xml.toBytes(result), StandardCharsets.UTF_8)).getDocumentElement();
        NodeList children = root.getChildNodes();
        assertEquals(List.of("Name", "Version", "DeleteMarker", "Version"),
                Stream.iterate(0, i -> i + 1).limit(children.getLength())
                        .map(i -> children.item(i).getLocalName()).toList());
    }

    @Test
    void granteeTypeIsAnXsiAttribute() throws Exception {
        var policy = new AccessControlPolicy(SampleDocuments.OWNER)
                .addGrant(AccessControlPolicy.Grantee.group("http://acs.amazonaws.com/groups/global/AllUsers"), "READ");
        Document dom = parse(new String(S3Xml.toBytes(policy), StandardCharsets.UTF_8));
        Element grantee = (Element) dom.getElementsByTagNameNS(S3Xml.NAMESPACE, "Grantee").item(0);
        assertEquals("Group", grantee.getAttributeNS(AccessControlPolicy.XSI_NAMESPACE, "type"));
    }

    @Test
    void markupInKeysIsEscapedAndUnrepresentableCharactersReplaced() throws Exception {
        String key = "a<b>&c\"d'e f\u0001g\u0000h\uD800i \uD83D\uDE00";
        var result = new ListBucketResult("b").addContents(
                new ListBucketResult.Contents(key, SampleDocuments.WHEN, "\"e\"", 1, "STANDARD"));
        Document dom = parse(new String(S3Xml.toBytes(result), StandardCharsets.UTF_8));
        assertEquals("a<b>&c\"d'e f\uFFFDg\uFFFDh\uFFFDi \uD83D\uDE00",
                dom.getElementsByTagNameNS(S3Xml.NAMESPACE, "Key").item(0).getTextContent());
    }

    @Test
    void aFailingOutputStreamIsAnIoFailure() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("client went away");
            }
        };
        assertThrows(UncheckedIOException.class, () -> S3Xml.write(new VersioningConfiguration("Enabled"), broken));
    }

    static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
