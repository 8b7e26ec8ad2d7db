package no.forlop.coordinator.worklist;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import no.forlop.access.Actor;
import no.forlop.access.Role;
import no.forlop.access.User;
import no.forlop.access.Users;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.web.TextLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The coordinator's start page: the worklist, and its export. */
@Controller
class WorklistController {

  private final Worklist worklist;
  private final CatalogueService catalogues;
  private final Users users;
  private final MessageSource messages;
  private final Clock clock;
  private final WorklistVisits visits;

  WorklistController(
      Worklist worklist,
      CatalogueService catalogues,
      Users users,
      MessageSource messages,
      Clock clock,
      WorklistVisits visits) {
    this.worklist = worklist;
    this.catalogues = catalogues;
    this.users = users;
    this.messages = messages;
    this.clock = clock;
    this.visits = visits;
  }

  /**
   * The start page: the worklist for those who code pathways; a leader who does not lands on the
   * statistics (issue 16).
   */
  @GetMapping("/")
  String home() {
    var leaderOnly =
        users
            .current()
            .map(
                u ->
                    u.has(Role.LEADER)
                        && !u.has(Role.COORDINATOR)
                        && !u.has(Role.CLINICIAN)
                        && !u.has(Role.ADMINISTRATOR))
            .orElse(false);
    return leaderOnly ? "redirect:/dashboard" : "redirect:/worklist";
  }

  /**
   * The worklist's filter form is posted: a patient search ({@code q}, a fødselsnummer or a name)
   * must not travel in the address (issue 14). It is kept in the session under a random handle, and
   * the answer is the worklist's address with the handle ({@link WorklistSearches}).
   */
  @PostMapping("/worklist")
  String search(
      @RequestParam(required = false) @Nullable String pathway,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String coordinator,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(required = false) @Nullable String view,
      HttpSession session,
      RedirectAttributes redirect) {
    String handle = null;
    if (q != null && !q.isBlank()) {
      if (q.length() > TextLimits.SEARCH) {
        redirect.addFlashAttribute("searchError", "form.error.tooLong.search");
      } else {
        handle = WorklistSearches.keep(session, q.strip());
      }
    }
    // a search looks through every open pathway ("Trenger handling" narrows it; ADR 0035)
    var shown = handle != null ? WorklistQuery.View.ALL.name() : view;
    return "redirect:"
        + address("/worklist", pathway, unit, status, coordinator, sort, handle, shown);
  }

  @GetMapping("/worklist")
  String worklist(
      @RequestParam(required = false) @Nullable String pathway,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String coordinator,
      @RequestParam(required = false) @Nullable String search,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String view,
      @RequestParam(name = "q", required = false) @Nullable String searchInAddress,
      HttpSession session,
      Actor actor,
      Model model,
      HttpServletResponse response) {
    if (searchInAddress != null) {
      // a search in the address (an old bookmark) is refused, not quietly dropped: it names a
      // patient, and the address ends up in logs and history
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("searchError", "worklist.search.inAddress");
    }
    var q = WorklistSearches.find(session, search).orElse(null);
    if (search != null && !search.isBlank() && q == null) {
      // an old link, or one from another session: say so rather than show everyone
      model.addAttribute("searchError", "worklist.search.expired");
      search = null;
    }
    model.addAttribute("searchHandle", q == null ? null : search);
    // a page that is no number is the first, never an error page; one past the end the last
    var result =
        worklist.read(
            query(pathway, unit, status, coordinator, q, sort, WorklistQuery.page(page), view),
            actor);
    var query = result.query();
    var visit = visits.visit(session, actor.id());
    model.addAttribute("visit", visit);
    model.addAttribute("changes", worklist.changesSince(visit.since(), actor));
    model.addAttribute("sinceAt", visit.since().atZone(OsloTime.ZONE));
    model.addAttribute("firstVisitDays", WorklistVisits.FIRST_VISIT_DAYS);
    model.addAttribute("views", WorklistQuery.View.values());
    var catalogue = catalogues.current();
    model.addAttribute("page", result);
    model.addAttribute("query", query);
    model.addAttribute("today", OsloTime.today(clock));
    model.addAttribute(
        "pathways",
        catalogue.pathways().stream()
            .filter(p -> p.validTo().value() == null)
            .sorted(java.util.Comparator.comparing(p -> p.names().nb()))
            .toList());
    model.addAttribute("pathwayNames", pathwayNames(catalogue.pathways()));
    model.addAttribute("units", myUnits(actor));
    model.addAttribute("unitNames", unitNames());
    model.addAttribute("coordinators", coordinators(actor));
    model.addAttribute("coordinatorNames", coordinatorNames());
    model.addAttribute("statuses", Status.values());
    model.addAttribute("sorts", WorklistQuery.Sort.values());
    return "coordinator/worklist/index";
  }

  @GetMapping(value = "/worklist.csv")
  ResponseEntity<byte[]> export(
      @RequestParam(required = false) @Nullable String pathway,
      @RequestParam(required = false) @Nullable String unit,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String coordinator,
      @RequestParam(required = false) @Nullable String search,
      @RequestParam(required = false) @Nullable String sort,
      @RequestParam(required = false) @Nullable String view,
      @RequestParam(name = "q", required = false) @Nullable String searchInAddress,
      HttpSession session,
      Actor actor) {
    if (searchInAddress != null) {
      return plainText(HttpStatus.BAD_REQUEST, "worklist.search.inAddress");
    }
    var q = WorklistSearches.find(session, search);
    if (search != null && !search.isBlank() && q.isEmpty()) {
      // an export of everyone instead of the one patient searched for would be a surprise
      return plainText(HttpStatus.GONE, "worklist.search.expired");
    }
    var rows =
        worklist.export(
            query(
                pathway,
                unit,
                status,
                coordinator,
                q.orElse(null),
                sort,
                0,
                // the page's link names its view; an export without one is every open pathway
                view == null || view.isBlank() ? WorklistQuery.View.ALL.name() : view),
            actor);
    var csv = new StringBuilder("\uFEFF");
    csv.append(
        String.join(
            ";",
            text("worklist.column.patient"),
            text("worklist.column.identity"),
            text("worklist.column.pathway"),
            text("worklist.column.unit"),
            text("worklist.column.state"),
            text("worklist.column.next"),
            text("worklist.column.due"),
            text("worklist.column.daysLeft"),
            text("worklist.column.status"),
            text("worklist.column.proposals"),
            text("worklist.column.coordinator"),
            text("worklist.column.reasons")));
    csv.append("\r\n");
    var names = pathwayNames(catalogues.current().pathways());
    var unitNames = unitNames();
    for (var row : rows) {
      csv.append(
          String.join(
              ";",
              cell(row.patientInitials()),
              cell(row.patientMasked()),
              cell(names.getOrDefault(row.pathway(), row.pathway())),
              cell(unitNames.getOrDefault(row.organisation(), row.organisation())),
              cell(text("state." + row.state())),
              cell(row.shownMilestone() == null ? "" : text("milestone." + row.shownMilestone())),
              cell(row.dueDate() == null ? "" : row.dueDate().toString()),
              cell(row.daysLeft() == null ? "" : row.daysLeft().toString()),
              cell(text("status." + row.status())),
              cell(Integer.toString(row.proposals())),
              cell(row.coordinator() == null ? "" : row.coordinator()),
              cell(String.join(", ", row.reasons().stream().map(r -> reason(row, r)).toList()))));
      csv.append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"arbeidsliste.csv\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private ResponseEntity<byte[]> plainText(HttpStatus status, String key) {
    return ResponseEntity.status(status)
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(text(key).getBytes(StandardCharsets.UTF_8));
  }

  /** The worklist's address with these filters and the search's handle (no search text). */
  private static String address(
      String path,
      @Nullable String pathway,
      @Nullable String unit,
      @Nullable String status,
      @Nullable String coordinator,
      @Nullable String sort,
      @Nullable String handle,
      @Nullable String view) {
    var address = UriComponentsBuilder.fromPath(path);
    addIfGiven(address, "pathway", pathway);
    addIfGiven(address, "unit", unit);
    addIfGiven(address, "status", status);
    addIfGiven(address, "coordinator", coordinator);
    addIfGiven(address, "sort", sort);
    addIfGiven(address, "search", handle);
    addIfGiven(address, "view", view);
    return address.encode().build().toUriString();
  }

  private static void addIfGiven(
      UriComponentsBuilder address, String name, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      address.queryParam(name, value);
    }
  }

  private static WorklistQuery query(
      @Nullable String pathway,
      @Nullable String unit,
      @Nullable String status,
      @Nullable String coordinator,
      @Nullable String q,
      @Nullable String sort,
      int page,
      @Nullable String view) {
    Status wanted = null;
    if (status != null && !status.isBlank()) {
      try {
        wanted = Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        wanted = null;
      }
    }
    // the default view is what needs action; a search looks through every open pathway
    var fallback = q == null ? WorklistQuery.View.ACTION : WorklistQuery.View.ALL;
    return new WorklistQuery(
        pathway,
        unit,
        wanted,
        coordinator,
        q,
        WorklistQuery.Sort.parse(sort),
        page,
        50,
        WorklistQuery.View.parse(view, fallback));
  }

  private List<no.forlop.access.Unit> myUnits(Actor actor) {
    return users.units().stream().filter(u -> actor.mayAccess(u.id())).toList();
  }

  private List<User> coordinators(Actor actor) {
    return users.all().stream()
        .filter(u -> u.has(Role.COORDINATOR))
        .filter(u -> u.units().stream().anyMatch(actor::mayAccess))
        .toList();
  }

  private LinkedHashMap<String, String> coordinatorNames() {
    var names = new LinkedHashMap<String, String>();
    users.all().forEach(u -> names.put(u.username(), u.name()));
    return names;
  }

  private LinkedHashMap<String, String> unitNames() {
    var names = new LinkedHashMap<String, String>();
    users.units().forEach(u -> names.put(u.id(), u.name()));
    return names;
  }

  private static LinkedHashMap<String, String> pathwayNames(List<PathwayDefinition> pathways) {
    var names = new LinkedHashMap<String, String>();
    var english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
    pathways.forEach(
        p ->
            names.put(p.id(), english && p.names().en() != null ? p.names().en() : p.names().nb()));
    return names;
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }

  /** A reason as the page words it (with its days, its count, its date). */
  private String reason(WorklistRow row, Reason reason) {
    var daysLeft = row.daysLeft() == null ? 0L : row.daysLeft();
    return switch (reason) {
      case OVERDUE -> text("worklist.reason.OVERDUE.days", -daysLeft);
      case DUE_SOON -> text("worklist.reason.DUE_SOON.days", daysLeft);
      case PROPOSALS -> text("worklist.flag.proposals", row.proposals());
      case TRANSFERRED_OUT ->
          row.transferredOut() == null
              ? text("worklist.reason.TRANSFERRED_OUT")
              : text(
                  "worklist.flag.transferredOut",
                  row.transferredOut().format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
      case INACTIVE -> text("worklist.reason.INACTIVE.days", row.inactiveDays());
      default -> text("worklist.reason." + reason);
    };
  }

  private String text(String key, Object argument) {
    return messages.getMessage(key, new Object[] {argument}, key, LocaleContextHolder.getLocale());
  }

  private static String cell(String value) {
    var needsQuotes = value.contains(";") || value.contains("\"") || value.contains("\n");
    var escaped = value.replace("\"", "\"\"");
    return needsQuotes ? "\"" + escaped + "\"" : escaped;
  }
}
