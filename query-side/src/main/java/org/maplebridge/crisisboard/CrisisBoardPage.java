package org.maplebridge.crisisboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.maplebridge.crisisboard.CrisisQueries.FindCrisisBoard;
import org.maplebridge.crisisboard.CrisisQueries.FindWaitingForMe;
import org.maplebridge.events.Actor;
import org.maplebridge.read.Forbidden;
import org.maplebridge.scope.ScopePolicy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The live crisis board page: the unit's open episodes by risk and nearest deadline. The page
 * follows the same server-sent events as the API's live board, so it changes without a reload, and
 * counts down the time left on each deadline.
 */
@Controller
class CrisisBoardPage {
  /** The values the board shows, whose labels the page needs in the viewer's language. */
  private static final String[] LABELLED = {
    "risk.LOW",
    "risk.MODERATE",
    "risk.HIGH",
    "risk.IMMINENT",
    "tier.ON_CALL_SUPERVISOR",
    "tier.ON_CALL_CLINICIAN",
    "tier.EMERGENCY_SERVICES",
    "crisisStatus.IDENTIFIED",
    "crisisStatus.ASSESSED",
    "crisisStatus.ESCALATED",
    "crisisStatus.RESCUE_UNCONFIRMED",
    "crisisStatus.LOST_TO_FOLLOW_UP",
    "crisisStatus.AWAITING_CLOSURE_APPROVAL",
    "board.acknowledged",
    "board.waiting",
    "board.overdue",
    "board.unassessed",
    "board.due.ESCALATION",
    "board.due.RESCUE",
    "board.due.FOLLOW_UP",
    "board.hoursMinutes",
    "board.ago",
    "board.announceNew",
    "board.announceEscalated"
  };

  private final QueryGateway queries;
  private final MessageSource messages;

  CrisisBoardPage(QueryGateway queries, MessageSource messages) {
    this.queries = queries;
    this.messages = messages;
  }

  @GetMapping("/crisis-board")
  String board(Actor viewer, Model model, Locale locale) {
    read(viewer, model, locale);
    return "crisisboard/crisis-board";
  }

  /**
   * The board's rows alone, as the page shows them: the live page asks for them on each change, so
   * the order, the grouping and every label come from the server in one place.
   */
  @GetMapping("/crisis-board/rows")
  String rows(Actor viewer, Model model, Locale locale) {
    read(viewer, model, locale);
    return "crisisboard/crisis-board :: rows";
  }

  /** The header badge's count, asked again by every page while it is open (forms.js). */
  @GetMapping("/crisis-board/waiting")
  @ResponseBody
  CrisisViews.WaitingForMe waiting(Actor viewer) {
    return queries.query(new FindWaitingForMe(viewer), CrisisViews.WaitingForMe.class).join();
  }

  private void read(Actor viewer, Model model, Locale locale) {
    if (!ScopePolicy.watchesTheCrisisBoard(viewer)) {
      throw new Forbidden("The crisis board is for the unit's crisis workers and supervisor");
    }
    model.addAttribute(
        "board", queries.query(new FindCrisisBoard(viewer), CrisisViews.CrisisBoard.class).join());
    Map<String, String> labels = new LinkedHashMap<>();
    for (String key : LABELLED) {
      labels.put(key, messages.getMessage(key, null, key, locale));
    }
    model.addAttribute("labels", labels);
  }
}
