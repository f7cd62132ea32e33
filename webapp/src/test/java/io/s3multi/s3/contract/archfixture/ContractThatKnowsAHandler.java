package io.s3multi.s3.contract.archfixture;

import io.s3multi.s3.handler.ObjectHandler;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * the storage contract must not know the operations that use it.
 */
public class ContractThatKnowsAHandler {

    ObjectHandler handler;
}
