package io.loyalty.core.internal.eval;

import io.loyalty.core.internal.condition.CompiledCondition;
import io.loyalty.core.internal.validity.ValidityWindow;
import io.loyalty.spi.program.EarningRule;
import org.jspecify.annotations.Nullable;

/** One earning rule ready to evaluate: its window, compiled conditions and formula. */
record CompiledRule(
    EarningRule rule,
    ValidityWindow window,
    @Nullable CompiledCondition condition,
    @Nullable CompiledCondition namedCondition,
    FormulaEvaluator formula) {}
