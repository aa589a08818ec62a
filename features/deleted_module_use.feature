Feature: A deleted module cannot be named again
  Once deleted, a module is gone for module-apply and for instance create alike: naming it by id
  is refused as for a module that never existed (docs/differences.md #14).

  Background:
    Given tenant A has created a ping module "gone"
    And tenant A has created an instance "inst"
    And tenant A has deleted the module "gone"

  @APP-7 @upstream-differs
  Scenario: module-apply of a deleted module is refused
    When tenant A applies "gone" to "inst"
    Then the request is refused with 404 "Module with ID {id of gone} could not be found."
    And module-query of "inst" as tenant A shows no modules

  @APP-7 @upstream-differs
  Scenario: An instance create naming a deleted module is refused
    When tenant A creates an instance "other" with the module "gone"
    Then the request is refused with 404 "Module with ID {id of gone} could not be found."
    And the instance list of tenant A holds no instance "other"
