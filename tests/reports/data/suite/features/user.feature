Feature: A user's own checks
  Scenarios without requirement tags, as a user writes them beside the suite.

  Scenario: A single module applies
    Given modules ordered "1"
    When they are applied
    Then they apply as "1"

  Scenario: Two modules apply in order
    Given modules ordered "3, 1"
    When they are applied
    Then they apply as "1, 3"

  Scenario: A check whose step the suite lacks
    Given modules ordered "1"
    Then the order is logged
