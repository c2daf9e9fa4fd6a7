package io.loyalty.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Two builds side by side on one embedded PostgreSQL, in one JVM: each build's {@code benchmarks.jar} in its own class
 * loader and its engine in its own schema ({@link JdbcAbDriver}), bursts of orders alternating, the build that goes
 * first alternating, every order timed. On a shared machine the load moves both builds alike, so the median of the
 * per-round time ratio says which build is faster where {@link JdbcRun}'s separate measurements cannot. Run by its
 * command only (docs/benchmarks.md): {@code JdbcAb A.jar B.jar [--members N] [--prior N] [--rounds N] [--burst N]}.
 */
public final class JdbcAb {
  private JdbcAb() {}

  /** Runs the rounds and prints each build's p50 and mean per order and the ratio B / A. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: JdbcAb A.jar B.jar [--members N] [--prior N] [--rounds N] [--burst N]");
    }
    int members = 50;
    int prior = 2;
    int rounds = 42;
    int burst = 100;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--members" -> members = Integer.parseInt(args[++i]);
        case "--prior" -> prior = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--burst" -> burst = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    URL self = JdbcAb.class.getProtectionDomain().getCodeSource().getLocation();
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off").start()) {
      DataSource database = pg.getPostgresDatabase();
      Object[] drivers = new Object[2];
      Method[] bursts = new Method[2];
      for (int k = 0; k < 2; k++) {
        // the build's own classes first; the driver from this jar when the build has none
        ClassLoader loader = new URLClassLoader(new URL[] {new File(args[k]).toURI().toURL(), self},
            ClassLoader.getPlatformClassLoader());
        Class<?> driver = loader.loadClass(JdbcAbDriver.class.getName());
        drivers[k] = driver.getConstructor(DataSource.class, String.class, int.class, int.class)
            .newInstance(database, "build_" + (char) ('a' + k), members, prior);
        bursts[k] = driver.getMethod("burst", int.class);
      }
      List<List<Long>> timed = List.of(new ArrayList<>(), new ArrayList<>());
      double[] ratios = new double[rounds];
      int warm = Math.min(2, rounds - 1);
      for (int r = 0; r < rounds; r++) {
        long[] sum = new long[2];
        for (int j = 0; j < 2; j++) {
          int k = (r + j) % 2;
          for (long nanos : (long[]) bursts[k].invoke(drivers[k], burst)) {
            sum[k] += nanos;
            if (r >= warm) {
              timed.get(k).add(nanos);
            }
          }
        }
        ratios[r] = (double) sum[1] / sum[0];
      }
      for (int k = 0; k < 2; k++) {
        long[] sorted = timed.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s %s: p50 %.3f ms, mean %.3f ms per order, %d orders timed%n", k == 0 ? "A" : "B",
            args[k], sorted[sorted.length / 2] / 1e6, Arrays.stream(sorted).average().orElse(0) / 1e6, sorted.length);
      }
      double[] kept = Arrays.copyOfRange(ratios, warm, rounds);
      Arrays.sort(kept);
      System.out.printf(Locale.ROOT, "B / A, time per burst: median %.3f (quartiles %.3f to %.3f) over %d rounds%n",
          kept[kept.length / 2], kept[kept.length / 4], kept[3 * kept.length / 4], kept.length);
    }
  }
}
