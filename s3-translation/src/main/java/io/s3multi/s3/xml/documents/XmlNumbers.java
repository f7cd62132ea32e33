package io.s3multi.s3.xml.documents;

import io.s3multi.s3.error.S3Exception;
import java.util.regex.Pattern;

/** Strict reading of numbers and booleans that request bodies carry as text. */
final class XmlNumbers {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private XmlNumbers() {
    }

    /** An {@code xs:int}: optional sign, digits, surrounding white space; anything else is MalformedXML. */
    static int parseInt(String text, String element) {
        if (text == null || !INTEGER.matcher(text.strip()).matches()) {
            throw S3Exception.malformedXml().withReason(element);
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException outOfRange) {
            throw S3Exception.malformedXml().withReason(element);
        }
    }

    /** An {@code xs:boolean} that defaults to false when absent. */
    static boolean parseBoolean(String text, String element) {
        if (text == null) {
            return false;
        }
        return switch (text.strip()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw S3Exception.malformedXml().withReason(element);
        };
    }
}
