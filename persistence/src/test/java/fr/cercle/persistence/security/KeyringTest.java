package fr.cercle.persistence.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyringTest {

    /** Few iterations: the derivation is the same, only cheaper (600,000 cost about a quarter of a second each). */
    static final int FAST = 1_000;
    static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @TempDir
    Path dir;

    char[] password(String text) {
        return text.toCharArray();
    }

    @Test
    void thePasswordOfTheFirstAccountUnwrapsTheDatabaseKeyAfterARestart() {
        Keyring.Created created = Keyring.create(dir, "Claire.Martin", password("le chat dort au soleil"), FAST);

        DatabaseKey unlocked = Keyring.load(dir).unlock("claire.martin", password("le chat dort au soleil"), NOW);

        assertThat(unlocked.h2Password()).isEqualTo(created.key().h2Password());
        assertThat(Keyring.load(dir).logins()).containsExactly("claire.martin");
    }

    @Test
    void theKeyringFileHoldsNeitherTheKeyNorThePassword() throws Exception {
        Keyring.Created created = Keyring.create(dir, "claire.martin", password("le chat dort au soleil"), FAST);

        String file = Files.readString(dir.resolve(Keyring.FILE_NAME), StandardCharsets.UTF_8);

        assertThat(file).doesNotContain(created.key().h2Password().strip()).doesNotContain("chat dort")
                .doesNotContain(created.recoveryCode());
    }

    @Test
    void aWrongPasswordSaysHowManyAttemptsAreLeftThenLocksTheLogin() {
        Keyring.create(dir, "claire.martin", password("le chat dort au soleil"), FAST);
        Keyring keyring = Keyring.load(dir);

        for (int left = Keyring.MAX_FAILURES - 1; left > 0; left--) {
            int expected = left;
            assertThatThrownBy(() -> keyring.unlock("claire.martin", password("le chien dort"), NOW))
                    .isInstanceOfSatisfying(SignInException.class, e -> {
                        assertThat(e.reason()).isEqualTo(SignInException.Reason.WRONG);
                        assertThat(e.attemptsLeft()).isEqualTo(expected);
                    });
        }
        assertThatThrownBy(() -> keyring.unlock("claire.martin", password("le chien dort"), NOW))
                .isInstanceOfSatisfying(SignInException.class,
                        e -> assertThat(e.lockedUntil()).isEqualTo(NOW.plus(Keyring.LOCKOUT)));

        // Locked: even the right password waits, and the lock survives a restart.
        assertThatThrownBy(() -> Keyring.load(dir).unlock("claire.martin", password("le chat dort au soleil"),
                NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(SignInException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.LOCKED));
        assertThat(Keyring.load(dir).unlock("claire.martin", password("le chat dort au soleil"),
                NOW.plus(Keyring.LOCKOUT).plusSeconds(1))).isNotNull();
        assertThat(Keyring.load(dir).lockedUntil("claire.martin", NOW)).isEmpty();
    }

    @Test
    void anUnknownLoginIsToldLikeAWrongPassword() {
        Keyring.create(dir, "claire.martin", password("le chat dort au soleil"), FAST);

        assertThatThrownBy(() -> Keyring.load(dir).unlock("paul", password("le chat dort au soleil"), NOW))
                .isInstanceOfSatisfying(SignInException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignInException.Reason.WRONG))
                .hasMessageStartingWith("Wrong login or password");
        assertThatThrownBy(() -> Keyring.load(dir).unlock("#recovery", password("anything at all"), NOW))
                .isInstanceOf(SignInException.class);
    }

    @Test
    void theRecoveryCodeOpensTheKeyTypedAnyHowAndARenewedOneReplacesIt() {
        Keyring.Created created = Keyring.create(dir, "claire.martin", password("le chat dort au soleil"), FAST);
        assertThat(created.recoveryCode()).matches("([A-HJ-NP-Z2-9]{4}-){5}[A-HJ-NP-Z2-9]{4}");

        String typed = created.recoveryCode().replace("-", " ").toLowerCase();
        DatabaseKey recovered = Keyring.load(dir).recover(typed, NOW);
        assertThat(recovered.h2Password()).isEqualTo(created.key().h2Password());

        Keyring keyring = Keyring.load(dir);
        String renewed = keyring.renewRecoveryCode(recovered);
        assertThat(Keyring.load(dir).recover(renewed, NOW).h2Password()).isEqualTo(created.key().h2Password());
        assertThatThrownBy(() -> Keyring.load(dir).recover(created.recoveryCode(), NOW)).isInstanceOf(SignInException.class);
    }

    @Test
    void anAdministratorEnrolsAnotherAccountAndResetsAForgottenPassword() {
        Keyring.Created created = Keyring.create(dir, "claire.martin", password("le chat dort au soleil"), FAST);
        Keyring keyring = Keyring.load(dir);

        keyring.enrol(created.key(), "paul.durand", password("trois petits chats"));
        assertThat(Keyring.load(dir).unlock("paul.durand", password("trois petits chats"), NOW).h2Password())
                .isEqualTo(created.key().h2Password());

        keyring.enrol(created.key(), "paul.durand", password("un nouveau mot de passe"));
        assertThatThrownBy(() -> Keyring.load(dir).unlock("paul.durand", password("trois petits chats"), NOW))
                .isInstanceOf(SignInException.class);
        assertThat(Keyring.load(dir).unlock("paul.durand", password("un nouveau mot de passe"), NOW)).isNotNull();

        keyring.remove("paul.durand");
        assertThat(Keyring.load(dir).logins()).containsExactly("claire.martin");
        assertThatThrownBy(() -> Keyring.load(dir).unlock("paul.durand", password("un nouveau mot de passe"), NOW))
                .isInstanceOf(SignInException.class);
    }

    @Test
    void aSlotMovedToAnotherLoginNoLongerOpens() throws Exception {
        Keyring.create(dir, "claire.martin", password("le chat dort au soleil"), FAST);
        Path file = dir.resolve(Keyring.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"claire.martin\"", "\"mallory\""));

        assertThatThrownBy(() -> Keyring.load(dir).unlock("mallory", password("le chat dort au soleil"), NOW))
                .isInstanceOf(SignInException.class);
    }

    @Test
    void shortPasswordsAndOddLoginsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> Keyring.create(dir, "claire.martin", password("court"), FAST))
                .hasMessageContaining("at least " + PasswordRule.MIN_LENGTH);
        assertThatThrownBy(() -> Keyring.create(dir, "claire martin", password("le chat dort au soleil"), FAST))
                .hasMessageContaining("lower-case letters, digits, dots or dashes");
        assertThat(Keyring.exists(dir)).isFalse();
    }
}
