package io.s3multi.swift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SwiftNameEncoderTest {

    @ParameterizedTest(name = "object name [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "plain.txt               | plain.txt",
        "a-b_c.d~e               | a-b_c.d~e",
        "what?x=1                | what%3Fx%3D1",
        "frag#ment               | frag%23ment",
        "100%                    | 100%25",
        "p%41                    | p%2541",
        "a+b                     | a%2Bb",
        "\"a b\"                 | a%20b",
        "dir/sub/file            | dir/sub/file",
        "a//b                    | a//b",
        "/leading                | /leading",
        "trailing/               | trailing/",
        "//                      | //",
        "a/../b                  | a/%2E%2E/b",
        "./x                     | %2E/x",
        "..                      | %2E%2E",
        "...                     | ...",
        "a..b/..c                | a..b/..c",
        "ünïcödé/日本語           | %C3%BCn%C3%AFc%C3%B6d%C3%A9/%E6%97%A5%E6%9C%AC%E8%AA%9E",
        "emoji😀                 | emoji%F0%9F%98%80",
        "semi;colon,comma&amp=eq | semi%3Bcolon%2Ccomma%26amp%3Deq",
        "star*@!$()[]            | star%2A%40%21%24%28%29%5B%5D",
    })
    void encodesObjectNamesKeepingSlashes(String name, String expected) {
        // The CSV source trims; names with significant spaces are quoted above.
        assertEquals(expected, SwiftNameEncoder.encodeObjectName(name));
    }

    @Test
    void encodesQuotes() {
        assertEquals("quote%22%27", SwiftNameEncoder.encodeObjectName("quote\"'"));
    }

    @Test
    void encodesControlBytes() {
        assertEquals("%00%7F%0C%09%0A%0D", SwiftNameEncoder.encodeObjectName("\u0000\u007f\f\t\n\r"));
    }

    @ParameterizedTest(name = "segment [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "bucket     | bucket",
        "a/b        | a%2Fb",
        "/x/        | %2Fx%2F",
        "a b+c?#%   | a%20b%2Bc%3F%23%25",
        "..         | %2E%2E",
    })
    void encodesSegmentsIncludingSlashes(String text, String expected) {
        assertEquals(expected, SwiftNameEncoder.encodeSegment(text));
    }

    @Test
    void buildsObjectPathsWithTheContainerAsOneSegment() {
        assertEquals("/my%20bucket/dir/a%3Fb", SwiftNameEncoder.objectPath("my bucket", "dir/a?b"));
        assertEquals("/c//lead", SwiftNameEncoder.objectPath("c", "/lead"));
        assertEquals("/c_segments", SwiftNameEncoder.containerPath("c_segments"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "/"})
    void refusesContainerNamesThatAreNotOneSegment(String container) {
        assertThrows(IllegalArgumentException.class, () -> SwiftNameEncoder.objectPath(container, "o"));
    }

    @Test
    void refusesEmptyObjectNamesAndUnpairedSurrogates() {
        assertThrows(IllegalArgumentException.class, () -> SwiftNameEncoder.encodeObjectName(""));
        assertThrows(IllegalArgumentException.class, () -> SwiftNameEncoder.encodeObjectName("bad\uD800"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "what?x=1", "100%", "a+b", "a b", "a//b/", "/../", "ünï/日本語😀", "\t\n"})
    void decodingReversesEncoding(String name) {
        assertEquals(name, SwiftNameEncoder.decode(SwiftNameEncoder.encodeObjectName(name)));
    }

    @Test
    void decodingKeepsPlusAndRefusesBrokenEscapes() {
        assertEquals("a+b c", SwiftNameEncoder.decode("a+b%20c"));
        assertEquals("/c/ü", SwiftNameEncoder.decode("/c/%c3%bc"));
        assertThrows(IllegalArgumentException.class, () -> SwiftNameEncoder.decode("a%2"));
        assertThrows(IllegalArgumentException.class, () -> SwiftNameEncoder.decode("a%zz"));
        assertThrows(IllegalArgumentException.class, () -> SwiftNameEncoder.decode("%C3"));
    }
}
