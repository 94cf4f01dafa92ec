package org.maplebridge.oncall;

import java.util.List;
import org.maplebridge.events.oncall.OnCallPeriod;
import org.maplebridge.write.BusinessRule;

/** The rules of the on-call roster. */
final class OnCallRules {
  private OnCallRules() {}

  /** Two holders of a tier at once would leave nobody sure who is paged and who acknowledges. */
  record OneHolderOfATierAtATime(List<OnCallPeriod> periods) implements BusinessRule {
    @Override
    public boolean isBroken() {
      return overlap() != null;
    }

    private OnCallPeriod[] overlap() {
      for (int i = 0; i < periods.size(); i++) {
        for (int j = i + 1; j < periods.size(); j++) {
          OnCallPeriod one = periods.get(i);
          OnCallPeriod other = periods.get(j);
          if (one.tier() == other.tier()
              && one.from().isBefore(other.to())
              && other.from().isBefore(one.to())) {
            return new OnCallPeriod[] {one, other};
          }
        }
      }
      return null;
    }

    @Override
    public String explanation() {
      OnCallPeriod[] both = overlap();
      return both == null
          ? ""
          : both[0].username()
              + " and "
              + both[1].username()
              + " would both hold "
              + both[0].tier()
              + " from "
              + (both[0].from().isAfter(both[1].from()) ? both[0].from() : both[1].from());
    }

    @Override
    public List<Object> arguments() {
      OnCallPeriod[] both = overlap();
      return both == null
          ? List.of()
          : List.of(
              both[0].username(),
              both[1].username(),
              both[0].tier(),
              both[0].from().isAfter(both[1].from()) ? both[0].from() : both[1].from());
    }
  }
}
