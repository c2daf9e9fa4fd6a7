package io.loyalty.bench;

import io.loyalty.spi.earning.Accrual;
import io.loyalty.spi.earning.LineShare;
import io.loyalty.spi.earning.ProgramOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comparable form of any variant's result, built at setup only: per rule that earned, its points and
 * the indexes of the order lines it measured. Two variants agree when their breakdowns are equal.
 *
 * @param total the points of every rule
 * @param points per rule id, the points (rules that earned nothing are absent)
 * @param lines per rule id, the measured lines in order (empty for rules not measuring lines)
 */
public record Breakdown(long total, Map<String, Long> points, Map<String, List<Integer>> lines) {
  /** Copies the maps. */
  public Breakdown {
    points = Map.copyOf(points);
    lines = Map.copyOf(lines);
  }

  /** The breakdown of a {@link Tally}. */
  public static Breakdown of(Tally tally) {
    Map<String, Long> points = new TreeMap<>();
    Map<String, List<Integer>> lines = new TreeMap<>();
    for (int rule = 0; rule < Workload.RULE_IDS.size(); rule++) {
      if (tally.points(rule) == 0) {
        continue;
      }
      String id = Workload.RULE_IDS.get(rule);
      points.put(id, tally.points(rule));
      List<Integer> measured = new ArrayList<>();
      for (int line = 0; line < Integer.SIZE; line++) {
        if ((tally.lineMask(rule) & (1 << line)) != 0) {
          measured.add(line);
        }
      }
      lines.put(id, measured);
    }
    return new Breakdown(tally.total(), points, lines);
  }

  /**
   * The breakdown of the engine's outcome for one program.
   *
   * @throws IllegalStateException when a rule was skipped: every rule of the workload must earn
   */
  public static Breakdown of(ProgramOutcome outcome) {
    if (!outcome.skipped().isEmpty()) {
      throw new IllegalStateException("the engine skipped rules: " + outcome.skipped());
    }
    Map<String, Long> points = new TreeMap<>();
    Map<String, List<Integer>> lines = new TreeMap<>();
    for (Accrual accrual : outcome.accruals()) {
      points.put(accrual.rule().value(), accrual.points());
      lines.put(accrual.rule().value(), accrual.lines().stream().map(LineShare::line).toList());
    }
    return new Breakdown(outcome.points(), points, lines);
  }

  /** The points each rule must give for the workload's order, per rule id, worked by hand. */
  public static Map<String, Long> expectedPoints() {
    Map<String, Long> points = new TreeMap<>();
    for (int rule = 0; rule < Workload.RULE_IDS.size(); rule++) {
      points.put(Workload.RULE_IDS.get(rule), Workload.EXPECTED_POINTS[rule]);
    }
    return points;
  }
}
