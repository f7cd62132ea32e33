package io.s3multi.s3.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ClamavStepTest {

    @Test
    void okPasses() throws IOException {
        assertTrue(ClamavStep.verdict("stream: OK").passed());
    }

    @Test
    void foundRejectsNamingTheSignature() throws IOException {
        Step.Outcome outcome = ClamavStep.verdict("stream: Win.Test.EICAR_HDB-1 FOUND");
        assertFalse(outcome.passed());
        assertEquals("clamd found Win.Test.EICAR_HDB-1", outcome.reason());
        assertEquals(null, outcome.delete(), "the configuration decides");
    }

    @Test
    void anErrorIsNoVerdict() {
        assertThrows(IOException.class, () -> ClamavStep.verdict("INSTREAM size limit exceeded. ERROR"));
    }
}
