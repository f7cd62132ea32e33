package io.s3multi.s3.handler.archfixture;

import io.s3multi.s3.multipart.archfixture.MultipartSide;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * with MultipartSide, a cycle between handler and multipart.
 */
public class HandlerSide {

    MultipartSide multipart;
}
