package io.s3multi.s3.handler.archfixture;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * only the storage contract may spell a reserved name.
 */
public class HandlerThatSpellsAReservedName {

    static final String ETAG = "X-Object-Meta-S3multi-Etag";
}
