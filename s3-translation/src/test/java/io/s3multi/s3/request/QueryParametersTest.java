package io.s3multi.s3.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.error.S3ErrorCode;
import io.s3multi.s3.error.S3Exception;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void subresourcesWithoutValueArePresentAndEmpty() {
        QueryParameters query = QueryParameters.parse("uploads&prefix=");
        assertTrue(query.has("uploads"));
        assertEquals(Optional.of(""), query.first("uploads"));
        assertEquals(Optional.of(""), query.first("prefix"));
        assertFalse(query.has("Uploads"));
    }

    @Test
    void repeatedNamesKeepEveryValueInOrder() {
        QueryParameters query = QueryParameters.parse("a=1&b=x&a=2&a=3");
        assertEquals(List.of("1", "2", "3"), query.all("a"));
        assertEquals(Optional.of("1"), query.first("a"));
        assertEquals(List.of("a", "b"), List.copyOf(query.names()));
        assertEquals(List.of(), query.all("missing"));
    }

    @Test
    void namesAndValuesArePercentDecodedWithPlusAsSpace() {
        QueryParameters query = QueryParameters.parse("prefix=a%2Fb+c%2Bd&x%2Dy=%E2%82%AC&eq=a=b");
        assertEquals(Optional.of("a/b c+d"), query.first("prefix"));
        assertEquals(Optional.of("€"), query.first("x-y"));
        assertEquals(Optional.of("a=b"), query.first("eq"));
    }

    @Test
    void emptyPiecesAndEmptyQueriesAreNothing() {
        assertTrue(QueryParameters.parse("").isEmpty());
        assertTrue(QueryParameters.parse(null).isEmpty());
        assertEquals(List.of("a", "b"), List.copyOf(QueryParameters.parse("&a=1&&b=2&").names()));
    }

    @Test
    void badEscapesAreInvalidUri() {
        for (String raw : List.of("prefix=%", "prefix=%G1", "prefix=%C3%28", "%ZZ=1")) {
            S3Exception e = assertThrows(S3Exception.class, () -> QueryParameters.parse(raw), raw);
            assertEquals(S3ErrorCode.INVALID_URI, e.code(), raw);
        }
    }
}
