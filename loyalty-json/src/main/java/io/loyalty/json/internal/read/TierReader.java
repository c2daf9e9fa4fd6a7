package io.loyalty.json.internal.read;

import static io.loyalty.json.internal.read.CommonReader.names;

import io.loyalty.json.WireInputException.Problem;
import io.loyalty.json.internal.wire.TierWire;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.Limits;
import io.loyalty.spi.RuleId;
import io.loyalty.spi.TierId;
import io.loyalty.spi.tier.Tier;
import io.loyalty.spi.tier.TierMapping;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reads a v1 loyalty tier into a {@link Tier}. */
public final class TierReader {
  private TierReader() {}

  /**
   * The tier the body describes, every path prefixed by {@code prefix}.
   *
   * @param id the tier's id; {@code null} to take the body's {@code id}, which is then required
   */
  public static Tier read(TierWire t, @Nullable TierId id, String prefix) {
    Problems p = new Problems();
    TierId tierId = id != null ? id : p.idOf(path(prefix, "id"), t.id(), TierId::of);
    if (t.object() != null) {
      p.oneOf(path(prefix, "object"), t.object(), names("loyalty_tier"));
    }
    String name = p.text(path(prefix, "name"), t.name(), Limits.MAX_NAME_LENGTH);
    var config = t.config();
    TierWire.Range range = t.points() != null ? t.points() : config == null ? null : config.points();
    String rangePath = t.points() != null || config == null ? path(prefix, "points") : path(prefix, "config.points");
    p.required(rangePath, range);
    Long from = range == null ? null : p.required(rangePath + ".from", range.from());
    Long to = range == null ? null : range.to();
    long low = from == null ? 0 : p.range(rangePath + ".from", from, 0, Long.MAX_VALUE);
    if (to != null) {
      p.range(rangePath + ".to", to, low, Long.MAX_VALUE);
    }
    var metadata = p.metadata(path(prefix, "metadata"), t.metadata());
    p.done();
    Tier.Builder b = Tier.builder(p.must(tierId), p.must(name), low).to(to).metadata(metadata);
    mappings(p, path(prefix, "earning_rules"), t.earningRules(), RuleId::of, b::earningRule);
    mappings(p, path(prefix, "rewards"), t.rewards(), AssignmentId::of, b::reward);
    p.done();
    return b.build();
  }

  private static <K> void mappings(Problems p, String at, @Nullable Map<String, TierWire.Mapping> map,
      Function<String, K> key, BiConsumer<K, TierMapping> put) {
    if (map == null) {
      return;
    }
    for (Map.Entry<String, TierWire.Mapping> e : map.entrySet()) {
      String path = at + "." + e.getKey();
      K k = p.engine(path, () -> key.apply(e.getKey()));
      TierWire.Mapping m = p.required(path, e.getValue());
      TierMapping mapping = m == null ? null : mapping(p, path, m);
      if (k != null && mapping != null) {
        put.accept(k, mapping);
      }
    }
  }

  private static @Nullable TierMapping mapping(Problems p, String path, TierWire.Mapping m) {
    String type = p.oneOf(path + ".type", m.type(), names("MULTIPLY", "CUSTOM"));
    if ("MULTIPLY".equals(type)) {
      var multiplier = p.required(path + ".multiplier", m.multiplier());
      if (multiplier != null && multiplier.signum() <= 0) {
        p.add(Problem.OUT_OF_RANGE, path + ".multiplier", "must be positive", multiplier);
        return null;
      }
      return multiplier == null ? null : TierMapping.multiply(multiplier);
    }
    if ("CUSTOM".equals(type)) {
      Long points = p.required(path + ".points", m.points());
      return points == null ? null : TierMapping.custom(p.range(path + ".points", points, 0, Long.MAX_VALUE));
    }
    return null;
  }

  static String path(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
