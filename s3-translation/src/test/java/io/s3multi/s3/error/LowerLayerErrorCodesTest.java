package io.s3multi.s3.error;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.s3.auth.S3AuthException;
import io.s3multi.s3.auth.SignedRequest;
import io.s3multi.s3.auth.SignedRequestParser;
import io.s3multi.s3.http.RequestHead;
import io.s3multi.s3.integrity.S3IntegrityException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every failure the authentication and integrity layers can raise is an S3 error of its own: each public factory
 * of {@link S3AuthException} and {@link S3IntegrityException} is called (found by reflection, so a new factory is
 * covered without touching this test): each is an S3 error with a code of the table, a client status (never 500),
 * and renders as an {@code <Error>} document with that code.
 */
class LowerLayerErrorCodesTest {

    static Stream<Method> factories() {
        return Stream.of(S3AuthException.class, S3IntegrityException.class)
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())
                        .filter(m -> Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers()))
                        .filter(m -> m.getReturnType() == type));
    }

    @ParameterizedTest
    @MethodSource("factories")
    void everyFailureIsAClientErrorWithItsOwnCode(Method factory) throws Exception {
        S3Exception s3 = assertInstanceOf(S3Exception.class, factory.invoke(null, arguments(factory)));
        String wireCode = s3.code().wireCode();

        assertNotEquals(S3ErrorCode.INTERNAL_ERROR, s3.code(), factory.getName());
        assertTrue(s3.httpStatus() >= 400 && s3.httpStatus() < 500 || s3.code() == S3ErrorCode.NOT_IMPLEMENTED,
                factory.getName() + " answers " + s3.httpStatus());
        String xml = S3ErrorXml.renderString(s3, "tx1", "host");
        assertTrue(xml.contains("<Code>" + wireCode + "</Code>"), xml);
    }

    private static Object[] arguments(Method factory) {
        List<Object> values = new ArrayList<>();
        for (Class<?> type : factory.getParameterTypes()) {
            if (type == String.class) {
                values.add("value");
            } else if (type == int.class) {
                values.add(2);
            } else if (type == boolean.class) {
                values.add(true);
            } else if (type == long.class) {
                values.add(100L);
            } else if (type == List.class) {
                values.add(List.of("x-amz-meta-a"));
            } else if (type == SignedRequest.class) {
                values.add(signedRequest());
            } else {
                throw new AssertionError(factory + " takes a " + type + "; teach this test to make one");
            }
        }
        return values.toArray();
    }

    private static SignedRequest signedRequest() {
        return SignedRequestParser.parse(new RequestHead("GET", "/b/k", "", Map.of(
                "date", List.of("Wed, 28 Mar 2007 01:29:59 +0000"),
                "authorization", List.of("AWS AKIAIOSFODNN7EXAMPLE:c2lnbmF0dXJl"))), null).orElseThrow();
    }
}
