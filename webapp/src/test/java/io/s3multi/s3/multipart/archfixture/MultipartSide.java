package io.s3multi.s3.multipart.archfixture;

import io.s3multi.s3.handler.archfixture.HandlerSide;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * multipart must not know handler (and, with HandlerSide, a cycle).
 */
public class MultipartSide {

    HandlerSide handler;
}
