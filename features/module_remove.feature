Feature: module-remove
  module-remove asks an instance's guest to take a module off, and Trove forgets that the
  instance has it: module-query, the instance counts and module-instances no longer show it.

  Background:
    Given tenant A has created a ping module "hello"
    And tenant A has created a module "other" with:
      | apply order | 6 |
    And tenant A has created an instance "inst" with the modules "hello" and "other"

  @REM-1
  Scenario: Removing a module takes it off the instance
    When tenant A removes "hello" from "inst"
    Then the request succeeds
    And module-query of "inst" as tenant A shows:
      | Name  | Status |
      | other | OK     |

  @REM-2
  Scenario: A removed module leaves the counts and the instance list
    When tenant A removes "hello" from "inst"
    Then module-instance-count of "hello" as tenant A shows no rows
    And module-instances of "hello" as tenant A lists no instances
    And module-instance-count of "other" as tenant A shows:
      | Module Name | Current | Count |
      | other       | True    | 1     |

  @REM-3
  Scenario: A module the instance never had cannot be removed
    Given tenant A has created a ping module "stranger"
    When tenant A removes "stranger" from "inst"
    Then the request is refused with 400 "Module 'stranger' has not been applied"

  @REM-4
  Scenario: Removing a module twice succeeds
    Given tenant A has removed "hello" from "inst"
    When tenant A removes "hello" from "inst"
    Then the request succeeds
    And module-query of "inst" as tenant A shows:
      | Name  |
      | other |

  @REM-5
  Scenario: A removed module applied again is listed again
    Given tenant A has removed "hello" from "inst"
    When tenant A applies "hello" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name  | Status | Message |
      | hello | OK     | hello   |
      | other | OK     | other   |
    And module-instance-count of "hello" as tenant A shows:
      | Module Name | Current | Count |
      | hello       | True    | 1     |

  @REM-6
  Scenario: A tenant may remove a shared auto-apply module from its own instance
    Given the admin has created a module "everywhere" with:
      | all tenants | yes |
      | auto apply  | yes |
    And tenant A has created an instance "fresh"
    When tenant A removes "everywhere" from "fresh"
    Then the request succeeds
    And module-query of "fresh" as tenant A shows no modules
    And module-instance-count of "everywhere" as the admin shows no rows

  @REM-6
  Scenario: A tenant removes a shared auto-apply module from one of its instances only
    Given the admin has created a module "everywhere" with:
      | all tenants | yes |
      | auto apply  | yes |
    And tenant B has created the instances "b-one" and "b-two"
    When tenant B removes "everywhere" from "b-one"
    Then the request succeeds
    And module-instances of "everywhere" as tenant B lists:
      | Name  |
      | b-two |
    And module-query of "b-two" as tenant B shows:
      | Name       | Status |
      | everywhere | OK     |

  @REM-7
  Scenario: Removing an unknown module is refused
    When tenant A removes "ghost" from "inst"
    Then the request is refused with 404 "Module with ID {id of ghost} could not be found."

  @REM-7
  Scenario: Removing from an unknown instance is refused
    When tenant A removes "hello" from "nowhere"
    Then the request is refused with 404 "Resource {id of nowhere} cannot be found."

  @REM-8 @upstream-differs @needs-type-new_relic_license
  Scenario: After a change of type the old application cannot be removed
    Given tenant A has created a module "shifty" with:
      | live update | yes |
    And tenant A has applied "shifty" to "inst"
    And tenant A has updated "shifty" with:
      | type | new_relic_license |
    When tenant A removes "shifty" from "inst"
    Then the request is refused with 400 "Module 'shifty' has not been applied"

  @REM-8 @upstream-differs @needs-type-new_relic_license
  Scenario: The admin cannot remove a module given at create once its type has changed
    Given the admin has created a module "morphing" with:
      | live update | yes |
    And the admin has created an instance "admin-inst" with the module "morphing"
    And the admin has updated "morphing" with:
      | type | new_relic_license |
    When the admin removes "morphing" from "admin-inst"
    Then the request is refused with 400 "Module 'morphing' has not been applied"
    And module-query of "admin-inst" as the admin shows:
      | Name     | Type | Status |
      | morphing | ping | OK     |

  @REM-9
  Scenario: A tenant cannot remove a hidden module; the admin can
    Given the admin has created a module "quiet" with:
      | all tenants | yes |
      | hidden      | yes |
    And tenant A has applied "quiet" to "inst"
    When tenant A removes "quiet" from "inst"
    Then the request is refused with 404 "Module with ID {id of quiet} could not be found."
    When the admin removes "quiet" from "inst"
    Then the request succeeds
    And module-query of "inst" as the admin shows:
      | Name  |
      | other |
      | hello |

  @REM-9
  Scenario: A hidden auto-apply module is beyond the tenant's reach and within the admin's
    Given the admin has created a module "silent" with:
      | all tenants | yes |
      | auto apply  | yes |
      | hidden      | yes |
    And tenant B has created an instance "b-inst"
    When tenant B removes "silent" from "b-inst"
    Then the request is refused with 404 "Module with ID {id of silent} could not be found."
    And module-instance-count of "silent" as the admin shows:
      | Module Name | Current | Count |
      | silent      | True    | 1     |
    When the admin removes "silent" from "b-inst"
    Then the request succeeds
    And module-instance-count of "silent" as the admin shows no rows
