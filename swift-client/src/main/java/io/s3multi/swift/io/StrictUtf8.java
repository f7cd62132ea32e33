package io.s3multi.swift.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that refuses what is not UTF-8, where {@code new String(bytes, UTF_8)} would put U+FFFD. */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The text these bytes encode; fails on a malformed or unmappable sequence. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
