package io.s3multi.s3.xml.documents;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of PutBucketCors and the answer to GetBucketCors: {@code <CORSConfiguration>} with its
 * {@code <CORSRule>}s. Plain data; what a valid one is, and how it is evaluated, is {@code io.s3multi.s3.cors}'s.
 */
@XmlRootElement(name = "CORSConfiguration")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "CORSConfiguration", propOrder = {"rules"})
public final class CorsConfigurationDocument {

    @XmlElement(name = "CORSRule") private List<Rule> rules = new ArrayList<>();

    public CorsConfigurationDocument() {
    }

    public CorsConfigurationDocument(List<Rule> rules) {
        this.rules = new ArrayList<>(rules);
    }

    public List<Rule> rules() {
        return rules == null ? List.of() : rules;
    }

    /** One {@code <CORSRule>}; a list element that is absent reads as an empty list. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "CORSRule", propOrder = {"id", "allowedHeaders", "allowedMethods", "allowedOrigins",
            "exposeHeaders", "maxAgeSeconds"})
    public static final class Rule {

        @XmlElement(name = "ID") private String id;
        @XmlElement(name = "AllowedHeader") private List<String> allowedHeaders = new ArrayList<>();
        @XmlElement(name = "AllowedMethod") private List<String> allowedMethods = new ArrayList<>();
        @XmlElement(name = "AllowedOrigin") private List<String> allowedOrigins = new ArrayList<>();
        @XmlElement(name = "ExposeHeader") private List<String> exposeHeaders = new ArrayList<>();
        @XmlElement(name = "MaxAgeSeconds") private Integer maxAgeSeconds;

        private Rule() {
        }

        public Rule(String id, List<String> allowedHeaders, List<String> allowedMethods, List<String> allowedOrigins,
                List<String> exposeHeaders, Integer maxAgeSeconds) {
            this.id = id;
            this.allowedHeaders = new ArrayList<>(allowedHeaders);
            this.allowedMethods = new ArrayList<>(allowedMethods);
            this.allowedOrigins = new ArrayList<>(allowedOrigins);
            this.exposeHeaders = new ArrayList<>(exposeHeaders);
            this.maxAgeSeconds = maxAgeSeconds;
        }

        public String id() {
            return id;
        }

        public List<String> allowedHeaders() {
            return orEmpty(allowedHeaders);
        }

        public List<String> allowedMethods() {
            return orEmpty(allowedMethods);
        }

        public List<String> allowedOrigins() {
            return orEmpty(allowedOrigins);
        }

        public List<String> exposeHeaders() {
            return orEmpty(exposeHeaders);
        }

        public Integer maxAgeSeconds() {
            return maxAgeSeconds;
        }

        private static List<String> orEmpty(List<String> values) {
            return values == null ? List.of() : values;
        }
    }
}
