package io.s3multi.s3.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import org.junit.jupiter.api.Test;

class PublicAccessBlockXmlTest {

    private static final String NS = " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"";

    @Test
    void switchesLeftOutAreOffAndValuesAreReadIgnoringCase() {
        assertEquals(new PublicAccessBlock(true, false, false, true), PublicAccessBlockXml.parse(
                "<PublicAccessBlockConfiguration" + NS + "><BlockPublicAcls>TRUE</BlockPublicAcls>"
                        + "<RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>"));
        assertEquals(PublicAccessBlock.NONE, PublicAccessBlockXml.parse("<PublicAccessBlockConfiguration/>"));
    }

    @Test
    void theStoredFormWritesEverySwitchAndReadsBack() {
        PublicAccessBlock block = new PublicAccessBlock(false, true, true, false);
        String stored = PublicAccessBlockXml.render(block);
        assertEquals(block, PublicAccessBlockXml.parse(stored));
        assertEquals(true, stored.contains("<BlockPublicAcls>false</BlockPublicAcls>"), stored);
    }

    @Test
    void aValueThatIsNoBooleanOrAnotherDocumentIsMalformedXml() {
        assertEquals(S3ErrorCode.MALFORMED_XML, assertThrows(S3Exception.class, () -> PublicAccessBlockXml.parse(
                "<PublicAccessBlockConfiguration><BlockPublicPolicy>yes</BlockPublicPolicy>"
                        + "</PublicAccessBlockConfiguration>")).code());
        assertEquals(S3ErrorCode.MALFORMED_XML, assertThrows(S3Exception.class,
                () -> PublicAccessBlockXml.parse("<VersioningConfiguration/>")).code());
        assertEquals(S3ErrorCode.MALFORMED_XML, assertThrows(S3Exception.class,
                () -> PublicAccessBlockXml.parse("<PublicAccessBlockConfiguration>")).code());
    }
}
