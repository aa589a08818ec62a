@DEMO-1
Feature: Apply ordering
  Modules apply in ascending order.

  Background:
    Given a fresh target

  Scenario: Ordered modules keep their order
    Given modules ordered "1, 2, 3"
    When they are applied
    Then they apply as "1, 2, 3"

  @DEMO-2
  Scenario: Unordered modules are sorted
    Given modules ordered "3, 1, 2"
    When they are applied
    Then they apply as "1, 2, 3"

  @DEMO-7
  Scenario Outline: Lower order values apply first
    Given modules ordered "<given>"
    When they are applied
    Then they apply as "<applied>"

    Examples:
      | given | applied |
      | 1, 4  | 1, 4    |
      | 9, 0  | 0, 9    |
