package no.forlop.pathway;

import java.util.List;

/**
 * Pathways were opened or their codes or coordinator changed: each as it stands now. Published in
 * the transaction of the change, so read models (the worklist) stay in step.
 */
public record PathwaysChanged(List<PathwayView> pathways) {

  public PathwaysChanged {
    pathways = List.copyOf(pathways);
  }
}
