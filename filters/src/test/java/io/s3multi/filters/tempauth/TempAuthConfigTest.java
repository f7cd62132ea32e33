package io.s3multi.filters.tempauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.s3multi.filters.pipeline.FilterSettings;
import io.s3multi.s3.operation.S3Identity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TempAuthConfigTest {

    private static TempAuthConfig parse(String... keyValues) {
        var configured = new LinkedHashMap<String, String>();
        for (int i = 0; i < keyValues.length; i += 2) {
            configured.put(keyValues[i], keyValues[i + 1]);
        }
        return TempAuthConfig.from(new FilterSettings("tempauth", new TempAuthFilterFactory().defaults(), configured));
    }

    private static String base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void usersAreWrittenAsInSwiftsTempauth() {
        TempAuthConfig config = parse("user_test_tester", "testing .admin", "user_test_tester3", "testing3",
                "user_a_b_c", "k .admin .reseller_admin");
        assertEquals(Set.of("test:tester", "test:tester3", "a:b_c"), config.users().keySet());
        TempAuthUser tester = config.users().get("test:tester");
        assertEquals("testing", tester.key());
        assertEquals(Set.of(".admin"), tester.groups());
        assertEquals(Set.of(), config.users().get("test:tester3").groups());
        assertEquals(Set.of(".admin", ".reseller_admin"), config.users().get("a:b_c").groups());
        assertEquals(new S3Identity("test:tester", "test:tester", "AUTH_test", "AUTH_test", true),
                tester.identity(config.resellerPrefix()));
        assertEquals(new S3Identity("test:tester3", "test:tester3", "AUTH_test", "AUTH_test", false),
                config.users().get("test:tester3").identity(config.resellerPrefix()));
    }

    @Test
    void defaultsAreSwiftsAndS3s() {
        TempAuthConfig config = parse();
        assertEquals(URI.create("http://127.0.0.1:8081"), config.swiftUrl());
        assertEquals(Duration.ofMinutes(15), config.allowableClockSkew());
        assertEquals("AUTH_", config.resellerPrefix());
        assertEquals(Set.of(), config.users().keySet());
    }

    @Test
    void user64NamesMayContainUnderscores() {
        TempAuthConfig config = parse("user64_" + base64url("my_account") + "_" + base64url("the_user"), "secret");
        assertEquals("secret", config.users().get("my_account:the_user").key());
        assertEquals("AUTH_my_account",
                config.users().get("my_account:the_user").identity(config.resellerPrefix()).swiftAccount());
    }

    @Test
    void unusableUserLinesAreRefusedNamingTheKey() {
        var group = assertThrows(IllegalArgumentException.class, () -> parse("user_test_tester", "testing .root"));
        assertTrue(group.getMessage().contains("filter.tempauth.user_test_tester"), group.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("user_test_tester", " "));
        assertThrows(IllegalArgumentException.class, () -> parse("user_test", "k"));
        assertThrows(IllegalArgumentException.class, () -> parse("user64_a", "k"));
        assertThrows(IllegalArgumentException.class, () -> parse("user64_!!_b", "k"));
        assertThrows(IllegalArgumentException.class, () -> parse("allowable_clock_skew", "-1"));
        assertThrows(IllegalArgumentException.class, () -> parse("swift_url", "ftp://x"));
    }

    @Test
    void oneUserDefinedTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("user_test_tester", "a",
                "user64_" + base64url("test") + "_" + base64url("tester"), "b"));
    }

    @Test
    void aResellerPrefixGetsItsUnderscore() {
        assertEquals("KEY_", parse("reseller_prefix", "KEY").resellerPrefix());
    }

    @Test
    void keysNeverAppearInDescriptions() {
        TempAuthConfig config = parse("user_test_tester", "sekrit-key .admin");
        assertFalse(config.toString().contains("sekrit-key"), config.toString());
        assertFalse(config.users().get("test:tester").toString().contains("sekrit-key"));
    }
}
