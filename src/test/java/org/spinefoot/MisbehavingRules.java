package org.spinefoot;

/**
 * Probe rules that misbehave on the one record lasting a given number of days, for the tests of
 * the engine's bounds on both loading paths (DRL and the executable model) and of the commands
 * that must survive them. Each returns DRL to put after {@link RuleDirs#HEADER}.
 */
public final class MisbehavingRules {
  private MisbehavingRules() {}

  /** "Probe: spins for ever": an action that never returns. */
  public static String actionSpins(int days) {
    return """
        rule "Probe: spins for ever"
            @id("probe-spin") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( days == %d )
        then
            long n = 0;
            while (n >= 0) { n = (n + 1) %% 1000; }
        end
        """.formatted(days);
  }

  /** "Probe: condition spins for ever": a condition that never returns. */
  public static String conditionSpins(int days) {
    return """
        function boolean spin(int days) {
            long n = 0;
            while (days == %d && n >= 0) { n = (n + 1) %% 1000; }
            return false;
        }

        rule "Probe: condition spins for ever"
            @id("probe-spin-eval") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( $d : days )
            eval( spin($d) )
        then
        end
        """.formatted(days);
  }

  /**
   * Two rules that answer each other for ever ("Probe: ping answers pong", "Probe: pong answers
   * ping"), started by a third ("Probe: starts the rally") that is not part of the loop.
   */
  public static String pingPong(int days) {
    return """
        declare Ping end
        declare Pong end

        rule "Probe: starts the rally"
            @id("probe-start") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            SymptomDuration( days == %d )
        then
            insert(new Ping());
        end

        rule "Probe: ping answers pong"
            @id("probe-ping") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            $p : Ping()
        then
            delete($p);
            insert(new Pong());
        end

        rule "Probe: pong answers ping"
            @id("probe-pong") @inventory("RF-01") @urgency("NONE") @source("x#y")
        when
            $p : Pong()
        then
            delete($p);
            insert(new Ping());
        end
        """.formatted(days);
  }
}
