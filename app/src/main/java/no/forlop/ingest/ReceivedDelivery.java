package no.forlop.ingest;

import java.time.OffsetDateTime;
import java.util.UUID;
import no.forlop.access.Actor;

/** A delivery as it came: who sent it, on which channel, when, and its bytes. */
record ReceivedDelivery(UUID id, String channel, Actor actor, OffsetDateTime at, byte[] body) {}
