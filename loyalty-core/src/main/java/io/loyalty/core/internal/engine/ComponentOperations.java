package io.loyalty.core.internal.engine;

import io.loyalty.core.AssignmentBatch;
import io.loyalty.core.AssignmentResult;
import io.loyalty.core.DefinitionConflictException;
import io.loyalty.core.ProgramPlan;
import io.loyalty.core.internal.validation.ProgramValidator;
import io.loyalty.core.internal.validation.Violations;
import io.loyalty.spi.AssignmentId;
import io.loyalty.spi.InvalidInputException;
import io.loyalty.spi.NotFoundException;
import io.loyalty.spi.ProgramId;
import io.loyalty.spi.Violation;
import io.loyalty.spi.WalletId;
import io.loyalty.spi.program.CardDefinition;
import io.loyalty.spi.program.Component;
import io.loyalty.spi.program.ComponentKind;
import io.loyalty.spi.program.ComponentStatus;
import io.loyalty.spi.program.EarningRule;
import io.loyalty.spi.program.FirstMatchRule;
import io.loyalty.spi.program.Program;
import io.loyalty.spi.program.ProgramStatus;
import io.loyalty.spi.reward.Reward;
import io.loyalty.spi.reward.WalletReward;
import io.loyalty.spi.store.ChangeSet;
import io.loyalty.spi.store.ComponentWrite;
import io.loyalty.spi.store.LoyaltyStore;
import io.loyalty.spi.store.ProgramWrite;
import io.loyalty.spi.store.RewardWrite;
import io.loyalty.spi.store.StoredComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Loyalty v2 components (card definitions and earning rules) stored on their own, and programs assembled from them.
 * A program holds a copy of each part assigned to it; an edit of a part stores its next version and the next version
 * of every live program holding it in one change set, so a program never runs a part's old version after the edit
 * committed. Thread-safe.
 */
public final class ComponentOperations {
  private final LoyaltyStore store;
  private final Committer committer;
  private final EngineClock clock;
  private final Retry retry;
  private final Function<Program, List<Violation>> validator;

  ComponentOperations(LoyaltyStore store, Committer committer, EngineClock clock, Retry retry,
      Function<Program, List<Violation>> validator) {
    this.store = store;
    this.committer = committer;
    this.clock = clock;
    this.retry = retry;
    this.validator = validator;
  }

  /**
   * Stores the component as its next version (a new one as a DRAFT) and rewrites the programs that hold it. Checked
   * alone first (as the only part of a draft program, with the card definitions an earning rule pays into).
   */
  public StoredComponent define(Component component, @Nullable Long expectedVersion) {
    validateAlone(component);
    ComponentKind kind = component.kind();
    String id = component.componentId();
    return retry.run("define " + name(kind) + " " + id, () -> {
      Optional<StoredComponent> stored = store.component(kind, id);
      long version = stored.map(StoredComponent::version).orElse(0L);
      if (expectedVersion != null && version != expectedVersion) {
        throw new DefinitionConflictException(name(kind) + " " + id, expectedVersion, version);
      }
      Instant now = clock.now();
      ComponentStatus status = ComponentStatus.DRAFT;
      Instant created = now;
      if (stored.isPresent()) {
        StoredComponent previous = stored.get();
        status = previous.status();
        created = previous.createdAt();
        if (status == ComponentStatus.DELETED) {
          throw InvalidInputException.of("status", "a deleted " + name(kind) + " cannot change", status);
        }
        checkLocks(previous, component);
      }
      StoredComponent next = new StoredComponent(component, status, version + 1, created, now);
      return commit(next, version) ? next : null;
    });
  }

  /**
   * Moves the component to {@code to}: a card definition between DRAFT and ACTIVE, an earning rule from DRAFT to ACTIVE,
   * between ACTIVE and INACTIVE and from ACTIVE back to DRAFT; back to DRAFT or to DELETED only when no program holds
   * it. The same status again stores nothing.
   */
  public StoredComponent setStatus(ComponentKind kind, String id, ComponentStatus to) {
    return retry.run("set the status of " + name(kind) + " " + id, () -> {
      StoredComponent stored = store.component(kind, id)
          .orElseThrow(() -> new NotFoundException(name(kind), id));
      ComponentStatus from = stored.status();
      if (from == to) {
        return stored;
      }
      boolean allowed = switch (from) {
        case DRAFT -> to == ComponentStatus.ACTIVE || to == ComponentStatus.DELETED;
        case ACTIVE -> to == ComponentStatus.DELETED || to == ComponentStatus.DRAFT
            || (kind == ComponentKind.EARNING_RULE && to == ComponentStatus.INACTIVE);
        case INACTIVE -> to == ComponentStatus.ACTIVE || to == ComponentStatus.DELETED;
        case DELETED -> false;
      };
      if (!allowed) {
        throw InvalidInputException.of("status", from == ComponentStatus.DELETED
            ? "a deleted " + name(kind) + " cannot change" : "a " + name(kind) + " cannot go from " + from + " to " + to,
            to);
      }
      if (to == ComponentStatus.DELETED || to == ComponentStatus.DRAFT) {
        List<Program> holders = holders(kind, id);
        if (!holders.isEmpty()) {
          throw InvalidInputException.of("status", "the " + name(kind) + " is assigned to program "
              + holders.get(0).id() + ": unassign it first", to);
        }
      }
      Instant now = clock.now();
      StoredComponent next = new StoredComponent(stored.component(), to, stored.version() + 1, stored.createdAt(), now);
      return commit(next, stored.version()) ? next : null;
    });
  }

  /** The latest version of the component. */
  public StoredComponent get(ComponentKind kind, String id) {
    return store.component(kind, id).orElseThrow(() -> new NotFoundException(name(kind), id));
  }

  /** The latest version of every component of the kind, in id order. */
  public List<StoredComponent> list(ComponentKind kind) {
    return store.components(kind);
  }

  /** Assembles and stores a new program from the plan's components (version 1). */
  public Program create(ProgramPlan plan) {
    return retry.run("create program " + plan.id(), () -> {
      Optional<Program> existing = store.program(plan.id());
      if (existing.isPresent()) {
        throw new DefinitionConflictException("program " + plan.id(), 0, existing.get().version());
      }
      Violations v = new Violations();
      v.check(!plan.cardDefinitions().isEmpty(), "card_definitions",
          "a loyalty v2 program needs at least one card definition", 0);
      Program.Builder b = Program.builder(plan.id(), plan.name()).status(plan.status()).validity(plan.validity())
          .zone(plan.zone()).metadata(plan.metadata());
      List<CardDefinition> wallets = new ArrayList<>();
      for (int i = 0; i < plan.cardDefinitions().size(); i++) {
        StoredComponent c = live(v, ComponentKind.CARD_DEFINITION, plan.cardDefinitions().get(i).value(),
            "card_definitions[" + i + "].id");
        if (c != null) {
          v.check(plan.status() != ProgramStatus.ACTIVE || c.status() == ComponentStatus.ACTIVE,
              "card_definitions[" + i + "].id", "is a DRAFT card definition: an active program needs active ones",
              plan.cardDefinitions().get(i));
          wallets.add((CardDefinition) c.component());
        }
      }
      b.wallets(wallets);
      for (int i = 0; i < plan.earningRules().size(); i++) {
        StoredComponent c = live(v, ComponentKind.EARNING_RULE, plan.earningRules().get(i).value(),
            "earning_rules[" + i + "].id");
        if (c != null) {
          b.earningRule(inProgram(c));
        }
      }
      List<RewardWrite> stocks = new ArrayList<>();
      for (int i = 0; i < plan.rewards().size(); i++) {
        WalletReward offer = offer(v, plan.rewards().get(i), "rewards[" + i + "]", stocks);
        if (offer != null) {
          b.reward(offer);
        }
      }
      if (plan.tierStructure() != null) {
        b.tierStructure(plan.tierStructure());
      }
      v.throwIfAny();
      Program program = b.build();
      validate(program);
      ProgramValidator.checkCreate(program);
      ChangeSet.Builder changes = ChangeSet.builder().program(new ProgramWrite(program.withVersion(1), 0))
          .rewards(stocks);
      return committer.commit(changes.build()).applied() ? program.withVersion(1) : null;
    });
  }

  /**
   * Applies the batch to the program's latest version (unassigns first) and stores the result as its next version;
   * nothing when the batch changes nothing.
   */
  public AssignmentResult assign(ProgramId id, AssignmentBatch batch) {
    return retry.run("assign to program " + id, () -> {
      Program current = store.program(id).orElseThrow(() -> new NotFoundException("program", id));
      Violations errors = new Violations();
      List<Violation> skipped = new ArrayList<>();
      if (!current.isV2() || current.status() == ProgramStatus.DELETED) {
        throw InvalidInputException.of("program_id", current.isV2() ? "is a deleted program"
            : "is a v1 program: it has no components", id);
      }
      Miss miss = (path, message, value) -> {
        if (batch.strict()) {
          errors.check(false, path, message, value);
        } else {
          skipped.add(new Violation(path, message, value));
        }
      };
      Program.Builder next = current.toBuilder();
      List<RewardWrite> stocks = new ArrayList<>();
      switch (batch.target()) {
        case CARD_DEFINITIONS -> {
          errors.check(current.status() == ProgramStatus.DRAFT, "status",
              "card definitions can be assigned and unassigned only while the program is a DRAFT", current.status());
          List<CardDefinition> wallets = new ArrayList<>(current.wallets());
          for (int i = 0; i < batch.unassign().size(); i++) {
            String u = batch.unassign().get(i);
            int at = indexOfWallet(wallets, u);
            if (at < 0) {
              miss.add("unassign[" + i + "]", "is not assigned to the program", u);
            } else {
              String user = userOf(current, WalletId.of(u));
              errors.check(user == null, "unassign[" + i + "]", "is used by " + user + ": unassign that first", u);
              wallets.remove(at);
            }
          }
          for (int i = 0; i < batch.assign().size(); i++) {
            String a = batch.assign().get(i);
            StoredComponent c = found(miss, ComponentKind.CARD_DEFINITION, a, "assign[" + i + "]");
            if (c != null) {
              if (indexOfWallet(wallets, a) >= 0) {
                miss.add("assign[" + i + "]", "is already assigned to the program", a);
              } else {
                wallets.add((CardDefinition) c.component());
              }
            }
          }
          errors.check(!wallets.isEmpty(), "card_definitions",
              "a loyalty v2 program keeps at least one card definition", 0);
          next.wallets(wallets);
        }
        case EARNING_RULES -> {
          List<FirstMatchRule> rules = new ArrayList<>(current.firstMatchRules());
          for (int i = 0; i < batch.unassign().size(); i++) {
            String u = batch.unassign().get(i);
            if (!rules.removeIf(r -> r.id().value().equals(u))) {
              miss.add("unassign[" + i + "]", "is not assigned to the program", u);
            }
          }
          for (int i = 0; i < batch.assign().size(); i++) {
            String a = batch.assign().get(i);
            StoredComponent c = found(miss, ComponentKind.EARNING_RULE, a, "assign[" + i + "]");
            if (c != null) {
              if (rules.stream().anyMatch(r -> r.id().value().equals(a))) {
                miss.add("assign[" + i + "]", "is already assigned to the program", a);
              } else {
                rules.add(inProgram(c));
              }
            }
          }
          List<EarningRule> flat = new ArrayList<>();
          current.earningRules().stream().filter(r -> r.branch() == null).forEach(flat::add);
          rules.forEach(r -> flat.addAll(r.flatten()));
          next.earningRules(flat);
        }
        case REWARDS -> {
          List<WalletReward> offers = new ArrayList<>(current.walletRewards());
          for (int i = 0; i < batch.unassign().size(); i++) {
            String u = batch.unassign().get(i);
            if (!offers.removeIf(o -> o.id().value().equals(u) || o.reward().value().equals(u))) {
              miss.add("unassign[" + i + "]", "is not assigned to the program", u);
            }
          }
          for (int i = 0; i < batch.offers().size(); i++) {
            ProgramPlan.Offer o = batch.offers().get(i);
            if (offers.stream().anyMatch(x -> x.reward().equals(o.reward()))) {
              miss.add("assign[" + i + "]", "is already assigned to the program", o.reward());
              continue;
            }
            if (store.reward(o.reward()).filter(r -> !r.deleted()).isEmpty()) {
              miss.add("assign[" + i + "].id", "names no reward", o.reward());
              continue;
            }
            WalletReward offer = offer(errors, o, "assign[" + i + "]", stocks);
            if (offer != null) {
              offers.add(offer);
            }
          }
          List<io.loyalty.spi.reward.RewardAssignment> flat = new ArrayList<>();
          current.rewards().stream().filter(r -> r.cost() == null).forEach(flat::add);
          offers.forEach(o -> flat.addAll(o.flatten()));
          next.rewards(flat);
        }
      }
      errors.throwIfAny();
      Program changed = next.build();
      if (changed.equals(current) && stocks.isEmpty()) {
        return new AssignmentResult(current, skipped);
      }
      validate(changed);
      ProgramValidator.checkEdit(current, changed);
      Program stored = changed.withVersion(current.version() + 1);
      ChangeSet changes = ChangeSet.builder().program(new ProgramWrite(stored, current.version())).rewards(stocks)
          .build();
      return committer.commit(changes).applied() ? new AssignmentResult(stored, skipped) : null;
    });
  }

  /**
   * What activating the program needs of its components beyond what the program's own validation checks: every card
   * definition it holds that is a stored component is ACTIVE. Wallets defined inline are not components.
   */
  public void checkActivation(Program program) {
    Violations v = new Violations();
    for (int i = 0; i < program.wallets().size(); i++) {
      WalletId wallet = program.wallets().get(i).id();
      Optional<StoredComponent> c = componentIfKept(ComponentKind.CARD_DEFINITION, wallet.value());
      v.check(c.isEmpty() || c.get().status() == ComponentStatus.ACTIVE, "card_definitions[" + i + "].id",
          "is a DRAFT card definition: an active program needs active ones", wallet);
    }
    v.throwIfAny();
  }

  private Optional<StoredComponent> componentIfKept(ComponentKind kind, String id) {
    try {
      return store.component(kind, id);
    } catch (UnsupportedOperationException storeWithoutComponents) {
      return Optional.empty();
    }
  }

  /** Commits the component's version with the next version of every live program holding it; false on a conflict. */
  private boolean commit(StoredComponent next, long expected) {
    ChangeSet.Builder changes = ChangeSet.builder().component(new ComponentWrite(next, expected));
    Component part = next.component();
    for (Program holder : holders(part.kind(), part.componentId())) {
      Program rewritten = replace(holder, next);
      if (!rewritten.equals(holder)) {
        validate(rewritten);
        ProgramValidator.checkEdit(holder, rewritten);
        changes.program(new ProgramWrite(rewritten.withVersion(holder.version() + 1), holder.version()));
      }
    }
    return committer.commit(changes.build()).applied();
  }

  /** The latest versions of the programs, not deleted, that hold the component. */
  private List<Program> holders(ComponentKind kind, String id) {
    List<Program> holders = new ArrayList<>();
    for (Program p : store.programs()) {
      if (p.isV2() && p.status() != ProgramStatus.DELETED && holds(p, kind, id)) {
        holders.add(p);
      }
    }
    return holders;
  }

  private static boolean holds(Program p, ComponentKind kind, String id) {
    return switch (kind) {
      case CARD_DEFINITION -> indexOfWallet(p.wallets(), id) >= 0;
      case EARNING_RULE -> p.earningRules().stream().anyMatch(r -> ruleOf(r) != null
          && java.util.Objects.requireNonNull(ruleOf(r)).value().equals(id));
    };
  }

  /** The program with its copy of the component replaced by this version, in place. */
  private static Program replace(Program p, StoredComponent c) {
    Program.Builder b = p.toBuilder();
    if (c.component() instanceof CardDefinition wallet) {
      List<CardDefinition> wallets = new ArrayList<>(p.wallets());
      wallets.set(indexOfWallet(wallets, wallet.componentId()), wallet);
      b.wallets(wallets);
    } else if (c.component() instanceof FirstMatchRule rule) {
      List<EarningRule> flat = new ArrayList<>();
      boolean placed = false;
      for (EarningRule r : p.earningRules()) {
        if (rule.id().equals(ruleOf(r))) {
          if (!placed) {
            flat.addAll(inProgram(c).flatten());
            placed = true;
          }
        } else {
          flat.add(r);
        }
      }
      b.earningRules(flat);
    }
    return b.build();
  }

  /** An earning rule as a program runs it: switched on only while the component is ACTIVE. */
  private static FirstMatchRule inProgram(StoredComponent c) {
    return ((FirstMatchRule) c.component()).withActive(c.status() == ComponentStatus.ACTIVE);
  }

  /**
   * After DRAFT, what Voucherify locks: an earning rule's trigger; a card definition's every section but its name
   * and metadata while a live program holds it.
   */
  private void checkLocks(StoredComponent previous, Component next) {
    if (previous.status() == ComponentStatus.DRAFT) {
      return;
    }
    if (previous.component() instanceof FirstMatchRule before && next instanceof FirstMatchRule after) {
      if (!before.trigger().equals(after.trigger())) {
        throw InvalidInputException.of("trigger", "cannot change once the earning rule left DRAFT",
            previous.status());
      }
    } else if (previous.component() instanceof CardDefinition before && next instanceof CardDefinition after
        && !ProgramValidator.lockedParts(before).equals(ProgramValidator.lockedParts(after))) {
      for (Program holder : holders(ComponentKind.CARD_DEFINITION, before.componentId())) {
        if (holder.status() != ProgramStatus.DRAFT) {
          throw InvalidInputException.of("card_definition", "only its name and metadata can change while program "
              + holder.id() + " (" + holder.status() + ") holds it", before.id());
        }
      }
    }
  }

  /** Checks the component as the only part of a draft program (an earning rule with the wallets it pays into). */
  private void validateAlone(Component component) {
    Program.Builder b = Program.builder(ProgramId.of("component_check"), "component check")
        .status(ProgramStatus.DRAFT);
    if (component instanceof CardDefinition wallet) {
      b.wallet(wallet);
    } else if (component instanceof FirstMatchRule rule) {
      Violations v = new Violations();
      List<WalletId> seen = new ArrayList<>();
      for (int e = 0; e < rule.earnings().size(); e++) {
        List<FirstMatchRule.Effect> effects = rule.earnings().get(e).effects();
        for (int f = 0; f < effects.size(); f++) {
          WalletId wallet = effects.get(f).wallet();
          if (seen.contains(wallet)) {
            continue;
          }
          seen.add(wallet);
          Optional<StoredComponent> c = store.component(ComponentKind.CARD_DEFINITION, wallet.value());
          if (v.check(c.isPresent() && c.get().status() != ComponentStatus.DELETED,
              "earnings[" + e + "].effects[" + f + "].card_definition_id", "names no card definition", wallet)) {
            b.wallet((CardDefinition) c.get().component());
          }
        }
      }
      v.throwIfAny();
      b.earningRule(rule);
    }
    Violations v = new Violations();
    for (Violation violation : validator.apply(b.build())) {
      // a card definition's own fields, not the check program's: "card_definitions[0].code_config" is "code_config"
      String path = violation.path();
      if (path.contains(".tier_rules.")) {
        continue; // the tiers a rule names belong to a program's tier structure: checked when a program holds it
      }
      v.check(false, component instanceof CardDefinition && path.startsWith("card_definitions[0].")
          ? path.substring("card_definitions[0].".length()) : path, violation.message(), violation.value());
    }
    v.throwIfAny();
  }

  private void validate(Program program) {
    Violations v = new Violations();
    v.addAll(validator.apply(program));
    v.throwIfAny();
  }

  /** The stored, not deleted component, or {@code null} with a violation at {@code path}. */
  private @Nullable StoredComponent live(Violations v, ComponentKind kind, String id, String path) {
    Optional<StoredComponent> c = store.component(kind, id);
    return v.check(c.isPresent() && c.get().status() != ComponentStatus.DELETED, path, "names no " + name(kind), id)
        ? c.get() : null;
  }

  private @Nullable StoredComponent found(Miss miss, ComponentKind kind, String id, String path) {
    Optional<StoredComponent> c = store.component(kind, id);
    if (c.isPresent() && c.get().status() != ComponentStatus.DELETED) {
      return c.get();
    }
    miss.add(path, "names no " + name(kind), id);
    return null;
  }

  /**
   * The offer as the program stores it (its id is the reward's): its own costs, or the reward's when it gives none;
   * a stock it sets joins {@code stocks}. {@code null} with a violation when the reward is missing or has no costs.
   */
  private @Nullable WalletReward offer(Violations v, ProgramPlan.Offer o, String path, List<RewardWrite> stocks) {
    Optional<Reward> stored = store.reward(o.reward()).filter(r -> !r.deleted());
    if (!v.check(stored.isPresent(), path + ".id", "names no reward", o.reward())) {
      return null;
    }
    Reward reward = stored.get();
    List<WalletReward.Cost> costs = o.costs().isEmpty() ? reward.costs() : o.costs();
    if (!v.check(!costs.isEmpty(), path + ".costs", "the reward has no costs of its own: give the offer's", 0)) {
      return null;
    }
    Long stock = o.stock();
    if (stock != null && v.check(stock >= 0, path + ".stock", "must be zero or more", stock)) {
      stocks.add(new RewardWrite(new Reward(reward.id(), reward.version() + 1, reward.name(), reward.kind(), stock,
          reward.redeemed(), false, reward.metadata(), reward.costs()), reward.version()));
    }
    return new WalletReward(AssignmentId.of(reward.id().value()), reward.id(), costs);
  }

  /** The v2 rule a flattened rule belongs to, {@code null} for a v1 rule. */
  private static io.loyalty.spi.@Nullable RuleId ruleOf(EarningRule r) {
    EarningRule.Branch branch = r.branch();
    return branch == null ? null : branch.rule();
  }

  private static int indexOfWallet(List<CardDefinition> wallets, String id) {
    for (int i = 0; i < wallets.size(); i++) {
      if (wallets.get(i).id().value().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The earning rule or reward offer of the program that uses the wallet, {@code null} for none. */
  private static @Nullable String userOf(Program p, WalletId wallet) {
    for (EarningRule r : p.earningRules()) {
      if (wallet.equals(r.wallet())) {
        EarningRule.Branch branch = r.branch();
        return "earning rule " + (branch != null ? branch.rule() : r.id());
      }
    }
    for (WalletReward offer : p.walletRewards()) {
      if (offer.costs().stream().anyMatch(c -> c.wallet().equals(wallet))) {
        return "the offer of reward " + offer.reward();
      }
    }
    return null;
  }

  private static String name(ComponentKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** Where an item of a batch that is missing or repeated goes: an error in strict mode, a skipped item otherwise. */
  @FunctionalInterface
  private interface Miss {
    void add(String path, String message, @Nullable Object value);
  }
}
