package io.s3multi.s3.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of a raw query string, in order, each in its raw (as sent) and decoded form.
 *
 * <p>Decoding follows S3: {@code %XY} escapes and {@code +} for space. A parameter sent without {@code =} has no
 * raw value but decodes to the empty string, as S3 treats {@code ?acl} and {@code ?acl=} alike.
 */
final class QueryParameters {

    /** One {@code name[=value]} element of the query. */
    record Parameter(String rawName, String rawValue) {

        String name() {
            return new String(nameBytes(), StandardCharsets.UTF_8);
        }

        String value() {
            return new String(valueBytes(), StandardCharsets.UTF_8);
        }

        byte[] nameBytes() {
            return AwsUriEncoding.decode(rawName, true);
        }

        byte[] valueBytes() {
            return rawValue == null ? new byte[0] : AwsUriEncoding.decode(rawValue, true);
        }
    }

    private final List<Parameter> parameters;

    private QueryParameters(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    static QueryParameters parse(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String element : rawQuery.split("&")) {
                if (element.isEmpty()) {
                    continue;
                }
                int equals = element.indexOf('=');
                parameters.add(equals < 0
                        ? new Parameter(element, null)
                        : new Parameter(element.substring(0, equals), element.substring(equals + 1)));
            }
        }
        return new QueryParameters(parameters);
    }

    List<Parameter> all() {
        return parameters;
    }

    /** The decoded value of the first parameter with this decoded name. */
    Optional<String> first(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return Optional.of(parameter.value());
            }
        }
        return Optional.empty();
    }

    boolean contains(String name) {
        return first(name).isPresent();
    }
}
