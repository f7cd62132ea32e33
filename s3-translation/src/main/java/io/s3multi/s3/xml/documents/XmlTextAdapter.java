package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Makes every string written into an S3 document legal XML 1.0: characters the format cannot carry at all (most
 * control characters, unpaired surrogates, U+FFFE/U+FFFF), which S3 keys may contain, become U+FFFD. Without
 * this JAXB writes them raw and the client's parser rejects the whole listing. Reading is unchanged.
 */
public final class XmlTextAdapter extends XmlAdapter<String, String> {

    private static final char REPLACEMENT = '\uFFFD';

    @Override
    public String unmarshal(String text) {
        return text;
    }

    @Override
    public String marshal(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        var clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else {
                clean.append(isXmlChar(c) ? c : REPLACEMENT);
            }
        }
        return clean.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || !isXmlChar(c)) {
                return false;  // surrogate pairs are fine, but rare enough to check on the slow path
            }
        }
        return true;
    }

    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
