package io.s3multi.swift.archfixture;

import io.s3multi.s3.contract.UploadId;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * swift-client must not know s3-translation.
 */
public class SwiftClientThatKnowsTheContract {

    UploadId upload;
}
