package io.s3multi.filters.archfixture;

import io.s3multi.webapp.S3MultiServer;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * filters must not know webapp.
 */
public class FilterThatKnowsWebapp {

    S3MultiServer server;
}
