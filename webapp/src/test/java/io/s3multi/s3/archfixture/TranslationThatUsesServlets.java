package io.s3multi.s3.archfixture;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A deliberate violation for ArchitectureRulesCatchViolationsTest:
 * only filters and webapp may use the servlet API.
 */
public class TranslationThatUsesServlets {

    HttpServletRequest request;
}
