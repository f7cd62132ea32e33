package io.s3multi.s3.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.Tagging;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagSetTest {

    @Test
    void aDocumentKeepsItsTagsInOrder() {
        TagSet tags = TagSet.fromDocument(parse("<Tagging><TagSet><Tag><Key>b</Key><Value>2</Value></Tag>"
                + "<Tag><Key>a</Key><Value></Value></Tag></TagSet></Tagging>"), TagScope.OBJECT);
        assertEquals(List.of(new TagSet.Tag("b", "2"), new TagSet.Tag("a", "")), tags.tags());
    }

    @Test
    void anEmptyTagSetIsNoTags() {
        assertTrue(TagSet.fromDocument(parse("<Tagging><TagSet/></Tagging>"), TagScope.BUCKET).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<Tagging/>", "<Tagging><Tag><Key>a</Key><Value>b</Value></Tag></Tagging>",
            "<Tagging><TagSet><Tag><Key>a</Key></Tag></TagSet></Tagging>",
            "<Tagging><TagSet><Tag><Value>b</Value></Tag></TagSet></Tagging>"})
    void aDocumentWithoutTagSetKeyOrValueIsMalformed(String xml) {
        assertEquals("MalformedXML", refusal(() -> TagSet.fromDocument(parse(xml), TagScope.OBJECT)).code().wireCode());
    }

    @ParameterizedTest
    @EnumSource(TagScope.class)
    void oneTagMoreThanTheScopeAllowsIsBadRequest(TagScope scope) {
        assertEquals(scope.maxTags(), TagSet.fromDocument(tags(scope.maxTags()), scope).size());
        S3Exception refused = refusal(() -> TagSet.fromDocument(tags(scope.maxTags() + 1), scope));
        assertEquals("BadRequest", refused.code().wireCode());
        assertEquals(scope == TagScope.OBJECT ? "Object tags cannot be greater than 10"
                : "Bucket tag count cannot be greater than 50", refused.getMessage());
    }

    @Test
    void keysUpTo128AndValuesUpTo256Utf16UnitsAreAccepted() {
        String key = "k".repeat(127) + "é";
        String value = "\uD835\uDC9C".repeat(128);  // 128 x U+1D49C, a letter outside the BMP: 256 UTF-16 units
        assertEquals(1, TagSet.fromDocument(doc(key, value), TagScope.OBJECT).size());
        assertInvalidTag("The TagKey you have provided is too long, max 128", doc(key + "k", "v"));
        assertInvalidTag("The TagValue you have provided is too long, max 256", doc("k", value + "v"));
    }

    @Test
    void lettersNumbersSpacesAndTheSymbolsAreAllowedAnythingElseIsNot() {
        assertEquals(1, TagSet.fromDocument(doc("Ünï cødé 名前 ١٢ _.:/=+-@", "v _.:/=+-@ 値"), TagScope.OBJECT).size());
        for (String bad : List.of("a*b", "a\tb", "a\nb", "a#b", "a,b", "a?b", "a&b", "a<b", "a\"b", "\uD83D\uDE00")) {
            assertInvalidTag("The TagKey you have provided is invalid", doc(bad, "v"));
            assertInvalidTag("The TagValue you have provided is invalid", doc("k", bad));
        }
        assertInvalidTag("The TagKey you have provided is invalid", doc("", "v"));
    }

    @Test
    void duplicateKeysAndTheAwsPrefixAreInvalidTags() {
        Tagging twice = new Tagging().addTag("k", "1").addTag("k", "2");
        assertInvalidTag("Cannot provide multiple Tags with the same key", twice);
        assertEquals(2, TagSet.fromDocument(new Tagging().addTag("k", "1").addTag("K", "2"), TagScope.OBJECT).size());
        assertInvalidTag("Your TagKey cannot be prefixed with aws:", doc("aws:created", "v"));
        assertInvalidTag("Your TagKey cannot be prefixed with aws:", doc("AWS:created", "v"));
        assertEquals("System tags cannot be added/updated by requester",
                refusal(() -> TagSet.fromDocument(doc("aws:x", "v"), TagScope.BUCKET)).getMessage());
        assertEquals(1, TagSet.fromDocument(doc("awsome", "v"), TagScope.OBJECT).size());
    }

    @Test
    void theHeaderIsAFormEncodedQuery() {
        assertEquals(List.of(new TagSet.Tag("a b", "c+d"), new TagSet.Tag("é", ""), new TagSet.Tag("e", "=")),
                TagSet.fromHeader("a+b=c%2Bd&%C3%A9&&e=%3D").tags());
        assertTrue(TagSet.fromHeader(null).isEmpty());
        assertTrue(TagSet.fromHeader("").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=1&a=2", "a=b=c", "TagSet=[{Key=string,Value=string}]", "a=%zz"})
    void aHeaderThatIsNotAQueryOfDistinctKeysIsInvalidArgument(String header) {
        S3Exception refused = refusal(() -> TagSet.fromHeader(header));
        assertEquals("InvalidArgument", refused.code().wireCode());
        assertEquals("The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters"
                + " without tag name duplicates.", refused.getMessage());
    }

    @Test
    void theHeaderFollowsTheObjectRules() {
        StringBuilder eleven = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : "&").append("k").append(i).append("=v");
        }
        assertEquals("BadRequest", refusal(() -> TagSet.fromHeader(eleven.toString())).code().wireCode());
        assertEquals("InvalidTag", refusal(() -> TagSet.fromHeader("a%2Ab=1")).code().wireCode());
        assertEquals("InvalidTag", refusal(() -> TagSet.fromHeader("aws%3Ax=1")).code().wireCode());
    }

    @Test
    void theStoredFormIsAsciiAndReadsBack() {
        TagSet tags = TagSet.fromDocument(new Tagging().addTag("a b=c", "ü=+/").addTag("名前", ""), TagScope.OBJECT);
        String stored = tags.storedForm();
        assertTrue(stored.chars().allMatch(c -> c > 32 && c < 127), stored);
        assertEquals(tags.tags(), TagSet.fromStoredForm(stored).tags());
        assertTrue(TagSet.fromStoredForm("a=b=c").isEmpty(), "what does not read back is no tags");
        assertTrue(TagSet.fromStoredForm("a=%zz").isEmpty());
    }

    @Test
    void theDocumentWrittenReadsBackAsTheSameTags() {
        TagSet tags = TagSet.fromDocument(new Tagging().addTag("a", "1").addTag("b", ""), TagScope.OBJECT);
        String xml = new String(S3Xml.toBytes(tags.toDocument()), StandardCharsets.UTF_8);
        assertEquals(tags.tags(), TagSet.fromDocument(parse(xml), TagScope.OBJECT).tags());
        String empty = new String(S3Xml.toBytes(TagSet.empty().toDocument()), StandardCharsets.UTF_8);
        assertTrue(empty.contains("<TagSet/>") || empty.contains("<TagSet></TagSet>"), empty);
    }

    private static void assertInvalidTag(String message, Tagging document) {
        S3Exception refused = refusal(() -> TagSet.fromDocument(document, TagScope.OBJECT));
        assertEquals("InvalidTag", refused.code().wireCode());
        assertEquals(message, refused.getMessage());
    }

    private static S3Exception refusal(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(S3Exception.class, action);
    }

    private static Tagging doc(String key, String value) {
        return new Tagging().addTag(key, value);
    }

    private static Tagging tags(int count) {
        Tagging document = new Tagging();
        for (int i = 0; i < count; i++) {
            document.addTag("key" + i, "value" + i);
        }
        return document;
    }

    private static Tagging parse(String xml) {
        return S3Xml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), Tagging.class, 64 * 1024);
    }
}
