Feature: Simulator control and differences from upstream

  @DEMO-3 @upstream-differs
  Scenario: Ties keep the order of the request
    Given modules ordered "2b, 1, 2a"
    When they are applied
    Then 3 modules were applied
    And they apply as "1, 2b, 2a"

  @DEMO-10 @upstream-differs
  Scenario: Ties break like upstream on request
    Given modules ordered "2b, 2a"
    And the target breaks ties like upstream
    When they are applied
    Then they apply as "2a, 2b"

  @DEMO-4 @simulator-only
  Scenario: The clock can be advanced
    Given the clock reads 0 seconds
    When the clock advances 10 seconds
    Then the clock reads 10 seconds

  @DEMO-8 @simulator-only
  Scenario: Guest timestamps on a pinned clock
    Given the clock reads 0 seconds
    Then the guest timestamp is "1970-01-01 00:00:00.00"

  @DEMO-8
  Scenario: Guest timestamps have two decimals
    Then a guest timestamp looks like "2017-02-22 20:35:48.80"

  @DEMO-5
  Scenario: A module can be reapplied
    Given the target can reapply
    When the module is reapplied
    Then the module was applied 2 times

  @DEMO-9
  Scenario: The module store answers
    Given a fresh target
    Then the store is reachable

  @DEMO-99
  Scenario: A scenario whose tag names no requirement
    Given a fresh target
    Then the store is reachable

  @DEMO-11
  Scenario: The module list shows every module
    When the target is asked for its modules
    Then the modules are listed as:
      | Name | Type |
      | ping | ping |

  @DEMO-12
  Scenario: Cluster members get a reapplied module
    Given the target can build clusters
    When the module is reapplied
    Then the module was applied 2 times
