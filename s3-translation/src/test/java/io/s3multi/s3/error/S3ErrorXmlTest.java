package io.s3multi.s3.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class S3ErrorXmlTest {

    @Test
    void rendersTheExactDocumentAwsSends() {
        byte[] xml = S3ErrorXml.render(S3Exception.noSuchBucket("photos"), "tx123", "host-1");
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>"
                + "<BucketName>photos</BucketName><RequestId>tx123</RequestId><HostId>host-1</HostId></Error>",
                new String(xml, StandardCharsets.UTF_8));
    }

    @Test
    void errorHasNoNamespaceAndDetailsComeBeforeTheRequestId() throws Exception {
        Document doc = parse(S3ErrorXml.render(
                S3Exception.invalidArgument("partNumber", "0", "bad"), "tx1", "h1"));
        Element root = doc.getDocumentElement();
        assertEquals("Error", root.getLocalName());
        assertNull(root.getNamespaceURI());
        assertEquals(List.of("Code", "Message", "ArgumentName", "ArgumentValue", "RequestId", "HostId"),
                childNames(root));
    }

    @Test
    void missingIdsAreLeftOut() throws Exception {
        Document doc = parse(S3ErrorXml.render(S3Exception.malformedXml(), null, null));
        assertEquals(List.of("Code", "Message"), childNames(doc.getDocumentElement()));
    }

    @Test
    void awkwardKeysSurviveTheRoundTrip() throws Exception {
        String key = "a<b>&c\"d'e\r\nf\tg \uD83D\uDE00 h";
        Document doc = parse(S3ErrorXml.render(S3Exception.noSuchKey(key), "tx", null));
        assertEquals(key, doc.getElementsByTagName("Key").item(0).getTextContent());
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() throws Exception {
        String key = "nul\u0000 bell\u0007 lone\uD800 end\uFFFF";
        Document doc = parse(S3ErrorXml.render(S3Exception.noSuchKey(key), "tx", null));
        assertEquals("nul\uFFFD bell\uFFFD lone\uFFFD end\uFFFD",
                doc.getElementsByTagName("Key").item(0).getTextContent());
    }

    private static Document parse(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> childNames(Element parent) {
        var names = new ArrayList<String>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                names.add(child.getLocalName());
            }
        }
        return names;
    }
}
