package io.loyalty.testkit;

/**
 * How much work the kit's random and threaded contracts do for one store. The default keeps a run of the whole kit
 * to well under a minute for an in-process database on two cores; a slow adapter may lower it, never to zero.
 *
 * @param workloads random workloads checked against the reference model, each with a fresh store
 * @param stepsPerWorkload the most engine operations in one workload (each has between half and all of it)
 * @param faultRuns random workloads run under {@link FaultyStore}, each with a fresh store
 * @param stepsPerFaultRun the most engine operations in one fault run (each has between half and all of it)
 * @param threads threads in each race
 * @param opsPerThread operations each thread of a race performs
 */
public record KitBudget(
    int workloads, int stepsPerWorkload, int faultRuns, int stepsPerFaultRun, int threads, int opsPerThread) {

  /**
   * The default: 50 workloads of 20 to 40 steps, 60 fault runs of 50 to 100 steps (about 4 500 faulty steps), races of
   * 4 threads × 100 operations.
   */
  public static final KitBudget DEFAULT = new KitBudget(50, 40, 60, 100, 4, 100);

  /** Requires every count to be positive. */
  public KitBudget {
    if (workloads < 1 || stepsPerWorkload < 1 || faultRuns < 1 || stepsPerFaultRun < 1 || threads < 2
        || opsPerThread < 1) {
      throw new IllegalArgumentException("every budget must be positive (and at least 2 threads): " + workloads + ", "
          + stepsPerWorkload + ", " + faultRuns + ", " + stepsPerFaultRun + ", " + threads + ", " + opsPerThread);
    }
  }
}
