package io.s3multi.filters.pipeline.archfixture;

import io.s3multi.filters.s3.S3Exchange;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * the pipeline must not know the S3 stages' shared code.
 */
public class PipelineThatKnowsS3 {

    S3Exchange exchange;
}
