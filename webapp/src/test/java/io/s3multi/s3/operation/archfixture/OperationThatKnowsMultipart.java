package io.s3multi.s3.operation.archfixture;

import io.s3multi.s3.multipart.MultipartDispatcher;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * the shared operation types must not know multipart.
 */
public class OperationThatKnowsMultipart {

    MultipartDispatcher dispatcher;
}
