package io.s3multi.s3.cors;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.CorsConfigurationDocument;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A bucket's CORS configuration, validated as AWS validates PutBucketCors, and its evaluation: the first rule
 * that admits the origin, the method and (for a preflight) every announced request header decides, as in AWS.
 * Immutable; the one place CORS is evaluated, for bucket configurations, the gateway's default rules and any
 * other entry point that answers browsers.
 *
 * <pre>{@code
 * CorsRules rules = CorsRules.parse(body);                       // S3Exception as AWS answers bad input
 * Optional<CorsGrant> ok = rules.preflight(origin, "PUT", List.of("content-type"));
 * Optional<CorsGrant> actual = rules.actual(origin, "GET");      // headers for the real answer
 * }</pre>
 *
 * <p>Validation: at least one and at most {@value #MAX_RULES} rules, each with at least one {@code AllowedOrigin}
 * and one {@code AllowedMethod} ({@code MalformedXML} otherwise, as a schema violation is); a method other than
 * GET, PUT, POST, DELETE, HEAD, or an origin or allowed header with more than one {@code *}, is
 * {@code InvalidRequest} with AWS's message.
 */
public final class CorsRules {

    /** AWS's limit of rules per configuration. */
    public static final int MAX_RULES = 100;

    /** The methods a rule may allow (and a preflight may ask for). */
    public static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private final List<CorsRule> rules;

    private CorsRules(List<CorsRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads and validates a {@code <CORSConfiguration>} body, at most {@link S3Xml#MAX_CONFIGURATION_BYTES}.
     *
     * @throws S3Exception {@code MalformedXML}, {@code InvalidRequest}, {@code MaxMessageLengthExceeded}
     */
    public static CorsRules parse(InputStream body) {
        return of(S3Xml.read(body, CorsConfigurationDocument.class, S3Xml.MAX_CONFIGURATION_BYTES));
    }

    /** {@link #parse(InputStream)} of bytes (a stored configuration, a configured default). */
    public static CorsRules parse(byte[] document) {
        return parse(new ByteArrayInputStream(document));
    }

    /** Validates a document's rules. */
    public static CorsRules of(CorsConfigurationDocument document) {
        List<CorsConfigurationDocument.Rule> given = document.rules();
        if (given.isEmpty() || given.size() > MAX_RULES) {
            throw S3Exception.malformedXml();
        }
        var rules = new ArrayList<CorsRule>(given.size());
        for (CorsConfigurationDocument.Rule rule : given) {
            rules.add(validated(rule));
        }
        return new CorsRules(rules);
    }

    public List<CorsRule> rules() {
        return rules;
    }

    /** The configuration as GetBucketCors answers it (and as it is stored). */
    public CorsConfigurationDocument toDocument() {
        return new CorsConfigurationDocument(rules.stream().map(rule -> new CorsConfigurationDocument.Rule(
                rule.id().orElse(null), rule.allowedHeaders(), rule.allowedMethods(), rule.allowedOrigins(),
                rule.exposeHeaders(), rule.maxAgeSeconds().orElse(null))).toList());
    }

    /**
     * The answer to a preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}).
     *
     * @param requestHeaders the names a preflight announced in {@code Access-Control-Request-Headers}
     *                       ({@link #headerList} splits the header)
     * @return the grant of the first rule that admits all three, or empty: the request is not allowed
     */
    public Optional<CorsGrant> preflight(String origin, String method, List<String> requestHeaders) {
        return evaluate(origin, method, requestHeaders);
    }

    /** The headers of an actual (non-preflight) request's answer: the first rule admitting origin and method. */
    public Optional<CorsGrant> actual(String origin, String method) {
        return evaluate(origin, method, List.of());
    }

    /** The names in an {@code Access-Control-Request-Headers} value, trimmed and in lower case; none for null. */
    public static List<String> headerList(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    private Optional<CorsGrant> evaluate(String origin, String method, List<String> requestHeaders) {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(method, "method");
        for (CorsRule rule : rules) {
            Optional<CorsPattern> admittedBy = rule.admittedOrigin(origin);
            if (admittedBy.isPresent() && rule.allowsMethod(method) && rule.allowsHeaders(requestHeaders)) {
                return Optional.of(CorsGrant.of(rule, admittedBy.get(), origin, requestHeaders));
            }
        }
        return Optional.empty();
    }

    private static CorsRule validated(CorsConfigurationDocument.Rule rule) {
        if (rule.allowedOrigins().isEmpty() || rule.allowedMethods().isEmpty()) {
            throw S3Exception.malformedXml();
        }
        for (String method : rule.allowedMethods()) {
            if (!METHODS.contains(method)) {
                throw S3Exception.invalidRequest(
                        "Found unsupported HTTP method in CORS config. Unsupported method is " + method);
            }
        }
        requireOneWildcardAtMost("AllowedOrigin", rule.allowedOrigins());
        requireOneWildcardAtMost("AllowedHeader", rule.allowedHeaders());
        return new CorsRule(Optional.ofNullable(rule.id()), rule.allowedOrigins(), rule.allowedMethods(),
                rule.allowedHeaders(), rule.exposeHeaders(), Optional.ofNullable(rule.maxAgeSeconds()));
    }

    private static void requireOneWildcardAtMost(String element, List<String> values) {
        for (String value : values) {
            if (CorsPattern.hasSeveralWildcards(value)) {
                throw S3Exception.invalidRequest(
                        element + " \"" + value + "\" can not have more than one wildcard.");
            }
        }
    }
}
