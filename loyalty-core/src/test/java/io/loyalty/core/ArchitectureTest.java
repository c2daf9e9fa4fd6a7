package io.loyalty.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the core pure: no I/O, no clock reads, no unseeded randomness, no static mutable state. */
class ArchitectureTest {
  static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.loyalty.core", "io.loyalty.spi");
  }

  @Test
  @DisplayName("core and spi do no I/O: no files, sockets, JDBC, HTTP or Jackson")
  void no_io() {
    ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "java.nio.file..", "java.nio.channels..", "java.net..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..")
        .orShould().dependOnClassesThat().haveNameMatching("java\\.io\\.(File.*|.*Stream|.*Reader|.*Writer|RandomAccessFile|Console)");
    rule.check(core);
  }

  @Test
  @DisplayName("core never reads the clock: time comes in through the event or the injected Clock")
  void no_clock_reads() {
    ArchRule rule = noClasses().should().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .orShould().callMethod(java.time.ZonedDateTime.class, "now")
        .orShould().callMethod(java.time.Clock.class, "systemUTC")
        .orShould().callMethod(java.time.Clock.class, "systemDefaultZone");
    rule.check(core);
  }

  @Test
  @DisplayName("core draws randomness only through the RandomSource port (SecureRandom as the default)")
  void no_unseeded_randomness() {
    ArchRule rule = noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
        .orShould().callMethod(Math.class, "random");
    rule.check(core);
  }

  @Test
  @DisplayName("the decision code imports no store and no host port: it sees state and host answers as values")
  void decisions_read_no_store_and_ask_no_host() {
    ArchRule rule = noClasses().that().resideInAnyPackage("io.loyalty.core.internal.eval..",
            "io.loyalty.core.internal.condition..", "io.loyalty.core.internal.ledger..",
            "io.loyalty.core.internal.validity..", "io.loyalty.core.internal.expiry..", "io.loyalty.core.internal.reward..")
        // validators check definitions when they are defined (a named rule must exist): they decide nothing
        .and().haveSimpleNameNotEndingWith("Validator")
        .should().dependOnClassesThat().resideInAnyPackage("io.loyalty.spi.store..", "io.loyalty.spi.host..")
        .orShould().dependOnClassesThat().resideInAnyPackage("io.loyalty.core.internal.engine..",
            "io.loyalty.core.internal.memory..");
    rule.check(core);
  }

  @Test
  @DisplayName("a decision reads no store and asks no host: it decides from its read set (change sets are values)")
  void decide_reads_no_store_and_asks_no_host() {
    ArchRule rule = noClasses().that().resideInAPackage("io.loyalty.core.internal.decide..")
        .should().dependOnClassesThat().resideInAnyPackage("io.loyalty.spi.host..", "io.loyalty.core.internal.load..",
            "io.loyalty.core.internal.engine..", "io.loyalty.core.internal.memory..")
        .orShould().dependOnClassesThat().areAssignableTo(io.loyalty.spi.store.CardStore.class)
        .orShould().dependOnClassesThat().areAssignableTo(io.loyalty.spi.store.LedgerStore.class)
        .orShould().dependOnClassesThat().areAssignableTo(io.loyalty.spi.store.ProgramStore.class)
        .orShould().dependOnClassesThat().areAssignableTo(io.loyalty.spi.store.RewardStore.class)
        .orShould().dependOnClassesThat().areAssignableTo(io.loyalty.spi.store.OutboxStore.class)
        .orShould().dependOnClassesThat().areAssignableTo(io.loyalty.spi.store.ChangeSetWriter.class);
    rule.check(core);
  }

  @Test
  @DisplayName("no static mutable state: every static field is final")
  void static_fields_are_final() {
    ArchRule rule = fields().that().areStatic().should().beFinal();
    rule.check(core);
  }

  @Test
  @DisplayName("the spi depends on the JDK only")
  void spi_depends_on_jdk_only() {
    ArchRule rule = noClasses().that().resideInAPackage("io.loyalty.spi..").should().dependOnClassesThat()
        .resideOutsideOfPackages("io.loyalty.spi..", "java..", "org.jspecify..");
    rule.check(core);
  }

  @Test
  @DisplayName("public API packages do not expose internals in their signatures")
  void internals_stay_internal() {
    ArchRule rule = noClasses().that().resideInAnyPackage("io.loyalty.spi..").should().dependOnClassesThat()
        .resideInAnyPackage("io.loyalty.core..");
    rule.check(core);
  }
}
