package io.loyalty.core.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyalty.core.CommitObserver;
import io.loyalty.core.ConcurrencyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryObserverTest {
  private final List<String> heard = new ArrayList<>();
  private final Retry retry = new Retry(bound -> 0, new CommitObserver() {
    @Override
    public void conflicted(int attempt, boolean retrying) {
      heard.add(attempt + (retrying ? " retrying" : " last"));
    }
  });

  @Test
  void the_observer_hears_each_conflict_with_its_attempt_and_not_the_commit_that_won() {
    AtomicInteger calls = new AtomicInteger();
    String result = retry.run("op", () -> calls.incrementAndGet() < 3 ? null : "done");
    assertThat(result).isEqualTo("done");
    assertThat(heard).containsExactly("1 retrying", "2 retrying");
  }

  @Test
  void the_last_conflicting_attempt_is_heard_as_the_last_before_the_operation_gives_up() {
    assertThatThrownBy(() -> retry.run("op", () -> null)).isInstanceOf(ConcurrencyException.class);
    assertThat(heard).hasSize(Retry.MAX_ATTEMPTS).endsWith(Retry.MAX_ATTEMPTS + " last");
  }
}
