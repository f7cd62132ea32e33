package io.s3multi.s3.lifecycle;

import io.s3multi.s3.error.S3Exception;
import io.s3multi.s3.xml.S3Xml;
import io.s3multi.s3.xml.documents.LifecycleConfigurationDocument;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A bucket's lifecycle configuration, validated as AWS validates PutBucketLifecycleConfiguration: at least one and
 * at most {@value #MAX_RULES} rules, IDs unique; each rule as {@link RuleReader} says. Immutable.
 *
 * <p>What is stored and shown again by GetBucketLifecycleConfiguration is the {@linkplain #toDocument document} as
 * the client sent it (elements the gateway does not know dropped, a missing {@code ID} filled in), so a client
 * that sent the older rule-level {@code <Prefix>} gets it back in that form.
 */
public final class LifecycleRules {

    /** AWS's limit of rules per configuration. */
    public static final int MAX_RULES = 1000;

    /**
     * Cap for a configuration body: 1,000 rules with long prefixes and several tags each stay well below it (the
     * 64 KiB of other configuration bodies would not hold them).
     */
    public static final long MAX_BYTES = 2L * 1024 * 1024;

    private final LifecycleConfigurationDocument document;
    private final List<LifecycleRule> rules;

    private LifecycleRules(LifecycleConfigurationDocument document, List<LifecycleRule> rules) {
        this.document = document;
        this.rules = List.copyOf(rules);
    }

    /**
     * Reads and validates a {@code <LifecycleConfiguration>} body.
     *
     * @throws S3Exception {@code MalformedXML}, {@code InvalidArgument}, {@code InvalidRequest},
     *                     {@code InvalidStorageClass}, {@code MaxMessageLengthExceeded}
     */
    public static LifecycleRules parse(InputStream body) {
        return of(S3Xml.read(body, LifecycleConfigurationDocument.class, MAX_BYTES));
    }

    /** {@link #parse(InputStream)} of bytes (a stored configuration). */
    public static LifecycleRules parse(byte[] document) {
        return parse(new ByteArrayInputStream(document));
    }

    /** Validates a parsed document. */
    public static LifecycleRules of(LifecycleConfigurationDocument document) {
        List<LifecycleConfigurationDocument.Rule> given = document.rules();
        if (given.isEmpty()) {
            throw S3Exception.malformedXml();
        }
        if (given.size() > MAX_RULES) {
            throw S3Exception.invalidRequest("The number of lifecycle rules must not exceed the allowed limit of "
                    + MAX_RULES + " rules");
        }
        List<LifecycleRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (LifecycleConfigurationDocument.Rule rule : given) {
            LifecycleRule read = RuleReader.read(rule);
            if (!ids.add(read.id())) {
                throw S3Exception.invalidArgument("ID", read.id(),
                        "Rule ID must be unique. Found same ID for more than one rule");
            }
            rules.add(read);
        }
        return new LifecycleRules(document, rules);
    }

    public List<LifecycleRule> rules() {
        return rules;
    }

    /** The rules whose status is {@code Enabled}. */
    public List<LifecycleRule> enabled() {
        return rules.stream().filter(LifecycleRule::enabled).toList();
    }

    /** The configuration as stored and answered to GetBucketLifecycleConfiguration. */
    public LifecycleConfigurationDocument toDocument() {
        return document;
    }
}
