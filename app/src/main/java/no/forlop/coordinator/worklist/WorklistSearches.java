package no.forlop.coordinator.worklist;

import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The worklist's patient searches, kept out of the address (issue 14, ADR 0026): a search names a
 * patient (a fødselsnummer or a name), and an address ends up in browser history, proxy and server
 * logs and Referer headers. The search is posted; the session keeps it under a random handle, and
 * the address, the page links and the CSV link carry only the handle. A handle means nothing to
 * another session and ends with the session; the session keeps the latest {@value #KEPT}.
 */
final class WorklistSearches {

  /** How many searches a session keeps (the oldest goes first). */
  static final int KEPT = 20;

  private static final String ATTRIBUTE = WorklistSearches.class.getName();
  private static final SecureRandom RANDOM = new SecureRandom();

  private WorklistSearches() {}

  /** Keeps a search in the session; the answer is its handle (128 random bits, URL-safe). */
  static String keep(HttpSession session, String search) {
    var bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    var handle = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    synchronized (session) {
      searches(session).put(handle, search);
    }
    return handle;
  }

  /** The search kept under a handle in this session, if it is still there. */
  static Optional<String> find(HttpSession session, @Nullable String handle) {
    if (handle == null || handle.isBlank()) {
      return Optional.empty();
    }
    synchronized (session) {
      return Optional.ofNullable(searches(session).get(handle));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> searches(HttpSession session) {
    var kept = (Map<String, String>) session.getAttribute(ATTRIBUTE);
    if (kept == null) {
      kept = new Kept();
      session.setAttribute(ATTRIBUTE, kept);
    }
    return kept;
  }

  /** The latest searches, oldest first out (serializable, as session attributes should be). */
  private static final class Kept extends LinkedHashMap<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > KEPT;
    }
  }
}
