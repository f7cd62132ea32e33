package io.s3multi.s3.access.authorization;

import io.s3multi.s3.operation.S3Identity;
import io.s3multi.s3.request.S3Request;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of the condition keys a bucket policy may test, for one request, by lower-case name. A key the request
 * has no value for is absent (what {@code Null} and {@code ...IfExists} test).
 */
final class ConditionKeys {

    private ConditionKeys() {
    }

    static Map<String, List<String>> of(AccessRequest input) {
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("aws:sourceip", List.of(input.sourceIp()));
        keys.put("aws:securetransport", List.of(Boolean.toString(input.secure())));
        Optional<S3Identity> identity = input.identity();
        keys.put("aws:principaltype", List.of(identity.isPresent() ? "User" : "Anonymous"));
        identity.ifPresent(known -> {
            String name = known.displayName();
            keys.put("aws:username", List.of(name.substring(name.lastIndexOf(':') + 1)));
            keys.put("aws:userid", List.of(known.accessKey()));
        });
        S3Request request = input.request();
        request.param("prefix").ifPresent(value -> keys.put("s3:prefix", List.of(value)));
        request.param("delimiter").ifPresent(value -> keys.put("s3:delimiter", List.of(value)));
        request.param("max-keys").ifPresent(value -> keys.put("s3:max-keys", List.of(value)));
        header(request, "x-amz-acl").ifPresent(value -> keys.put("s3:x-amz-acl", List.of(value)));
        header(request, "x-amz-server-side-encryption")
                .ifPresent(value -> keys.put("s3:x-amz-server-side-encryption", List.of(value)));
        return keys;
    }

    private static Optional<String> header(S3Request request, String name) {
        return Optional.ofNullable(request.header(name));
    }
}
