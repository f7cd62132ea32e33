package io.s3multi.s3.multipart;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultipartEtagTest {

    @Test
    void isTheMd5OfTheBinaryPartMd5sThenTheCount() throws Exception {
        byte[][] parts = {"part one".getBytes(StandardCharsets.UTF_8), "part two".getBytes(StandardCharsets.UTF_8),
                "3".getBytes(StandardCharsets.UTF_8)};
        MessageDigest outer = MessageDigest.getInstance("MD5");
        List<String> hex = new java.util.ArrayList<>();
        for (byte[] part : parts) {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(part);
            outer.update(md5);
            hex.add(HexFormat.of().formatHex(md5));
        }
        String expected = HexFormat.of().formatHex(outer.digest()) + "-3";
        assertEquals(expected, MultipartEtag.of(hex));
    }

    @Test
    void knownValueOfTwoEmptyParts() {
        // md5("") = d41d8cd98f00b204e9800998ecf8427e; the md5 of those 16 bytes twice, computed with md5sum.
        String empty = "d41d8cd98f00b204e9800998ecf8427e";
        assertEquals("5873dd45edd01f09c1ef2e7819369e8e-2", MultipartEtag.of(List.of(empty, empty)));
        assertEquals(MultipartEtag.of(List.of(empty, empty)), MultipartEtag.of(List.of(empty.toUpperCase(), empty)));
        assertThrows(IllegalArgumentException.class, () -> MultipartEtag.of(List.of()));
    }

    @Test
    void normalizesWhatClientsSend() {
        assertEquals("abc", MultipartEtag.normalize("\"ABC\""));
        assertEquals("abc", MultipartEtag.normalize(" abc "));
        assertEquals("abc", MultipartEtag.normalize("&quot;abc&quot;"));
        assertEquals("", MultipartEtag.normalize(null));
        assertEquals("\"x-2\"", MultipartEtag.quote("x-2"));
    }
}
