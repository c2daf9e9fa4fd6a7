package io.loyalty.testkit;

import io.loyalty.core.InMemoryLoyaltyStore;
import io.loyalty.spi.store.LoyaltyStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.DisplayName;

/**
 * A store that implements only the abstract methods of the ports (by the in-memory store) and leaves every method
 * with a default to the default passes the whole kit: the ports' defaults are correct, so an adapter written against
 * an older SPI that lacks them keeps working.
 */
@DisplayName("a store that relies on every port default passes the conformance kit")
class PortDefaultsContractTest extends LoyaltyStoreCompatibilityKit {
  @Override
  protected LoyaltyStore newStore() {
    LoyaltyStore inner = InMemoryLoyaltyStore.create();
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      try {
        return method.invoke(inner, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (LoyaltyStore) Proxy.newProxyInstance(LoyaltyStore.class.getClassLoader(), new Class<?>[] {LoyaltyStore.class},
        handler);
  }
}
