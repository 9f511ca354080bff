package org.spinefoot.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryReplayStoreTest {
  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aJtiIsGoodOnceUntilItsTokenExpiresPerIssuer() {
    JwksTokenTest.SettableClock clock = new JwksTokenTest.SettableClock(START);
    InMemoryReplayStore store = new InMemoryReplayStore(clock, 10);
    Instant exp = START.plusSeconds(300);
    assertThat(store.firstUse("https://a.test", "j1", exp)).isTrue();
    assertThat(store.firstUse("https://a.test", "j1", exp)).isFalse();
    assertThat(store.firstUse("https://b.test", "j1", exp)).as("another issuer's j1").isTrue();
    clock.advance(Duration.ofSeconds(299));
    assertThat(store.firstUse("https://a.test", "j1", exp)).isFalse();
    clock.advance(Duration.ofSeconds(2));
    // Past exp the verifier refuses the token anyway; the store may forget it.
    assertThat(store.firstUse("https://a.test", "j1", exp.plusSeconds(300))).isTrue();
    assertThat(store.firstUse("https://a.test", "j1", exp.plusSeconds(300))).isFalse();
  }

  @Test
  void fullOfLiveTokensItRefusesRatherThanForgetsAndExpiredOnesMakeRoom() {
    JwksTokenTest.SettableClock clock = new JwksTokenTest.SettableClock(START);
    InMemoryReplayStore store = new InMemoryReplayStore(clock, 2);
    assertThat(store.firstUse("i", "j1", START.plusSeconds(60))).isTrue();
    assertThat(store.firstUse("i", "j2", START.plusSeconds(600))).isTrue();
    assertThatThrownBy(() -> store.firstUse("i", "j3", START.plusSeconds(600)))
        .isInstanceOf(AuthException.class).hasMessageContaining("too many live tokens");
    assertThat(store.firstUse("i", "j1", START.plusSeconds(60))).as("still remembered").isFalse();
    clock.advance(Duration.ofSeconds(61));
    assertThat(store.firstUse("i", "j3", START.plusSeconds(600))).isTrue();
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.firstUse("i", "j2", START.plusSeconds(600))).isFalse();
    assertThatThrownBy(() -> new InMemoryReplayStore(clock, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacity");
  }
}
