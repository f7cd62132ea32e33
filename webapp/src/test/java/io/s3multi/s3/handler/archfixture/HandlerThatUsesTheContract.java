package io.s3multi.s3.handler.archfixture;

import io.s3multi.s3.contract.ReservedMetadata;

/**
 * For ArchitectureRulesCatchViolationsTest, no violation: it names X-Object-Meta-S3multi-Etag only in this comment
 * and through the contract's constant (which javac inlines into this class file).
 */
public class HandlerThatUsesTheContract {

    static final String ETAG = ReservedMetadata.ETAG;
}
