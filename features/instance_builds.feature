Feature: Instance builds
  An instance is built in the background; once built it is ACTIVE and its guest applies the
  modules it was created with. The records of those modules are written at create, so a build
  that fails, or a guest that fails while the instance is built, leaves them counted.

  @APP-11 @simulator-only
  Scenario: Each build the controls fail ends in ERROR, and the next one is built
    Given tenant A has created a ping module "hello"
    And the next 2 instance builds fail
    And tenant A has created the instances "first" and "second" with the module "hello"
    And tenant A has created an instance "third" with the module "hello"
    Then the instance "first" has status ERROR
    And the instance "second" has status ERROR
    And the instance "third" has status ACTIVE
    And module-instance-count of "hello" as tenant A shows:
      | Module Name | Current | Count |
      | hello       | True    | 3     |
    And module-query of "third" as tenant A shows:
      | Name  | Status | Message |
      | hello | OK     | hello   |

  @APP-13 @simulator-only
  Scenario Outline: A guest that fails while its instance builds leaves it ACTIVE, the module not applied
    Given instance builds take 60 seconds
    And tenant A has created a ping module "early"
    When tenant A creates an instance "inst" with the module "early"
    Given the guest of "inst" <fault>
    When 90 seconds pass
    Then the instance "inst" has status ACTIVE
    And module-instance-count of "early" as tenant A shows:
      | Module Name | Current | Count |
      | early       | True    | 1     |
    Given the guest of "inst" works again
    Then module-query of "inst" as tenant A shows no modules

    Examples:
      | fault                  |
      | fails with "disk full" |
      | does not answer        |
