package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a node may take over another node's work: both sides of the lease's end. */
class LeaseTest {

  private static final Instant UNTIL = Instant.parse("2025-03-01T10:00:30Z");
  private static final Lease HELD_BY_A = new Lease("bulk:job", "node-a", UNTIL);

  @Test
  void a_live_holders_lease_is_not_taken_before_it_runs_out() {
    var justBefore = UNTIL.minusMillis(1);
    assertThat(HELD_BY_A.ranOut(justBefore)).isFalse();
    assertThat(HELD_BY_A.takeableBy("node-b", justBefore, true)).isFalse();
  }

  @Test
  void a_lease_is_taken_from_its_end_on() {
    assertThat(HELD_BY_A.ranOut(UNTIL)).isTrue();
    assertThat(HELD_BY_A.takeableBy("node-b", UNTIL, true)).isTrue();
    assertThat(HELD_BY_A.takeableBy("node-b", UNTIL.plusSeconds(60), true)).isTrue();
  }

  @Test
  void a_lease_whose_holder_is_gone_is_taken_at_once() {
    assertThat(HELD_BY_A.takeableBy("node-b", UNTIL.minusSeconds(29), false)).isTrue();
  }

  @Test
  void the_holder_keeps_its_own_lease_before_and_after_its_end() {
    assertThat(HELD_BY_A.takeableBy("node-a", UNTIL.minusSeconds(1), true)).isTrue();
    assertThat(HELD_BY_A.takeableBy("node-a", UNTIL.plusSeconds(1), true)).isTrue();
  }

  @Test
  void the_renewal_must_come_within_the_lease() {
    assertThat(new NodeSettings("a", Duration.ofSeconds(30), Duration.ofSeconds(10)).id())
        .isEqualTo("a");
    assertThatThrownBy(() -> new NodeSettings("a", Duration.ofSeconds(10), Duration.ofSeconds(10)))
        .hasMessageContaining("renew-every");
    assertThatThrownBy(() -> new NodeSettings(" ", Duration.ofSeconds(30), Duration.ofSeconds(1)))
        .hasMessageContaining("forlop.node.id");
  }

  @Test
  void lock_keys_are_the_same_on_every_node() {
    // CRC-32C of the UTF-8 bytes: fixed by the name alone, not by the JVM
    assertThat(AdvisoryLocks.hash("Patient/1")).isEqualTo(AdvisoryLocks.hash("Patient/1"));
    assertThat(AdvisoryLocks.hash("Patient/1")).isNotEqualTo(AdvisoryLocks.hash("Patient/2"));
    var crc = new java.util.zip.CRC32C();
    crc.update("12345678901".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(AdvisoryLocks.hash("12345678901")).isEqualTo((int) crc.getValue());
  }

  @Test
  void default_node_ids_differ_between_starts() {
    assertThat(Node.defaultId()).isNotEqualTo(Node.defaultId()).contains("-");
  }
}
