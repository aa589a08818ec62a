Feature: A second witness for rules judged once elsewhere
  Each rule here already has a scenario in its own feature file. A second, different example
  keeps the rule judged when one example is edited or loses its edge, so no single scenario is
  the only thing standing between a broken implementation and a passing run.

  @CRE-2
  Scenario: A module created with other options still defaults priority and apply order
    When the admin creates a module "plain" with:
      | description | no ordering given |
      | live update | yes               |
    Then the answer shows:
      | priority_apply | False |
      | apply_order    | 5     |

  @CRE-9
  Scenario: Empty contents are refused on update too
    Given tenant A has created a ping module "hollow"
    When tenant A updates "hollow" with:
      | contents | (empty) |
    Then the request is refused with 400

  @CRE-14 @upstream-differs
  Scenario: A type written in mixed case clashes with the same name in lower case
    Given tenant A has created a module "mymod" with:
      | type | Ping |
    When tenant A creates a ping module "mymod"
    Then the request is refused with 400 "A module with the name 'mymod' already exists for datastore 'all' and datastore version 'all'"

  @UPD-3
  Scenario: An update of other fields keeps the md5
    Given tenant A has created a ping module "versioned" with contents "message=Module.V1\n"
    When tenant A updates "versioned" with:
      | description | same contents |
    Then the answer shows:
      | md5 | 7f700cc7b99606615f8b51946f6d3228 |

  @UPD-9 @upstream-differs
  Scenario: A rename onto another module's name is refused for a datastore-bound pair too
    Given tenant A has created a module "first" with:
      | datastore | {datastore} |
    And tenant A has created a module "second" with:
      | datastore | {datastore} |
    When tenant A updates "second" with:
      | name | first |
    Then the request is refused with 400

  @VIS-7
  Scenario: The admin's module list for an unknown datastore is refused too
    When the admin lists the modules for datastore "no-such-store"
    Then the request is refused with 404 "Datastore 'no-such-store' cannot be found."

  @VIS-11
  Scenario: The admin may show a hidden module of a tenant's own
    Given the admin has created a module "tucked" with:
      | hidden | yes |
    Then "tucked" as seen by the admin has these properties:
      | visible | False |

  @ADM-3
  Scenario: A tenant cannot turn its module into a priority module by update
    Given tenant A has created a ping module "eager"
    When tenant A updates "eager" with:
      | priority apply | yes |
    Then the request is refused with 403 "You must be admin to update a module with these options. (Priority: 1)"

  @ADM-2
  Scenario: A tenant sending is_admin on update still has a module that is not an admin module
    Given tenant A has created a ping module "sneaky"
    When tenant A updates "sneaky" with:
      | is admin | 1 |
    Then the request succeeds
    And the answer shows:
      | is_admin | False |

  @ADM-5
  Scenario: A tenant may change live update and apply order by update
    Given tenant A has created a ping module "nimble"
    When tenant A updates "nimble" with:
      | live update | yes |
      | apply order | 9   |
    Then the request succeeds
    And the answer shows:
      | live_update | True |
      | apply_order | 9    |

  @LIV-4 @LIV-7
  Scenario: A live-update module applied nowhere, and one applied, can both be deleted
    Given tenant A has created a module "agile" with:
      | live update | yes |
    And tenant A has created a module "agile-used" with:
      | live update | yes |
    And tenant A has created an instance "inst" with the module "agile-used"
    When tenant A deletes the module "agile"
    Then the request succeeds
    When tenant A deletes the module "agile-used"
    Then the request succeeds

  @QRY-7
  Scenario: The only module removed leaves module-query empty
    Given tenant A has created a ping module "lonely"
    And tenant A has created an instance "inst" with the module "lonely"
    When tenant A removes "lonely" from "inst"
    Then module-query of "inst" as tenant A shows no modules

  @REM-3
  Scenario: A module another instance has cannot be removed from one that never had it
    Given tenant A has created a ping module "elsewhere"
    And tenant A has created an instance "has-it" with the module "elsewhere"
    And tenant A has created an instance "lacks-it"
    When tenant A removes "elsewhere" from "lacks-it"
    Then the request is refused with 400 "Module 'elsewhere' has not been applied"

  @REM-4
  Scenario: Removing a module twice leaves the instance without it
    Given tenant A has created a ping module "twice"
    And tenant A has created an instance "inst" with the module "twice"
    And tenant A has removed "twice" from "inst"
    When tenant A removes "twice" from "inst"
    Then the request succeeds
    And module-query of "inst" as tenant A shows no modules

  @CNT-11
  Scenario: A module removed from its only instance has no rows and no instances
    Given tenant A has created a ping module "left"
    And tenant A has created an instance "inst" with the module "left"
    And tenant A has removed "left" from "inst"
    Then module-instance-count of "left" as tenant A shows no rows
    And module-instances of "left" as tenant A lists no instances

  @BAD-5 @upstream-differs
  Scenario: A module-apply whose second entry has no id is refused
    Given tenant A has created an instance "inst"
    And tenant A has created a ping module "known"
    When tenant A sends a module-apply to "inst" with the body:
      """
      {"modules": [{"id": "{id of known}"}, {"name": "known"}]}
      """
    Then the request is refused with 400 "Validation error: modules[1] 'id' is a required property"

  @APP-5
  Scenario: module-apply of a single module answers its row, errors included
    Given tenant A has created a ping module "solo" with contents "message=alone\n"
    And tenant A has created a ping module "mute" with contents "nothing=here\n"
    And tenant A has created an instance "inst"
    When tenant A applies "solo" to "inst"
    Then the apply answers:
      | Name | Type | Datastore | Version | Status | Message |
      | solo | ping | all       | all     | OK     | alone   |
    When tenant A applies "mute" to "inst"
    Then the apply answers:
      | Name | Type | Status | Message                            |
      | mute | ping | ERROR  | Message not found in contents file |

  @APP-8 @APP-9
  Scenario: A module in error applied twice keeps one record
    Given tenant A has created a ping module "broken" with contents "greeting=Hello\n"
    And tenant A has created an instance "inst"
    And tenant A has applied "broken" to "inst"
    When tenant A applies "broken" to "inst"
    Then module-instance-count of "broken" as tenant A shows:
      | Module Name | Current | Count |
      | broken      | True    | 1     |

  @QRY-12 @QRY-1
  Scenario: A re-apply after a contents change reports the new message under the same name
    Given tenant A has created an instance "inst"
    And tenant A has created a module "evolving" with:
      | live update | yes           |
      | contents    | message=one\n |
    And tenant A has applied "evolving" to "inst"
    And tenant A has updated the contents of "evolving" to "message=two\n"
    When tenant A applies "evolving" to "inst"
    Then module-query of "inst" as tenant A shows:
      | Name     | Type | Datastore | Version | Status | Message |
      | evolving | ping | all       | all     | OK     | two     |

  @REM-2
  Scenario: A module removed from one of two instances is counted once
    Given tenant A has created a ping module "pair"
    And tenant A has created the instances "first" and "second" with the module "pair"
    When tenant A removes "pair" from "first"
    Then module-instance-count of "pair" as tenant A shows:
      | Module Name | Current | Count |
      | pair        | True    | 1     |
    And module-instances of "pair" as tenant A lists:
      | Name   |
      | second |

  @CNT-3 @CNT-10
  Scenario: Tenant B counts and lists only its own instances of a shared module
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    And tenant A has created the instances "a-one" and "a-two" with the module "shared"
    And tenant B has created an instance "b-inst" with the module "shared"
    Then module-instance-count of "shared" as tenant B shows:
      | Module Name | Current | Count |
      | shared      | True    | 1     |
    And module-instances of "shared" as tenant B lists:
      | Name   |
      | b-inst |

  @UPD-11
  Scenario: A module can be bound to a datastore alone by update
    Given tenant A has created a ping module "rebound"
    When tenant A updates "rebound" with:
      | datastore | {datastore} |
    Then the request succeeds
    And the answer shows:
      | datastore         | {datastore} |
      | datastore_version | all         |

  @UPD-8
  Scenario: Unbinding the datastore by update refuses while the version stays, for the admin too
    Given the admin has created a module "bound" with:
      | datastore         | {datastore} |
      | datastore version | {version}   |
    When the admin updates "bound" with:
      | all datastores | yes |
    Then the request is refused with 400 "Datastore 'None' has no version '{id of version {datastore} {version}}'."

  @UPD-5
  Scenario Outline: An update body's module_type is validated as the type the client sends is
    Given tenant A has created a ping module "typed"
    When tenant A sends a module update of "typed" with the body:
      """
      {"module": {"<key>": "pong"}}
      """
    Then the request is refused with 404 "Module type 'pong' was not found."

    Examples:
      | key         |
      | module_type |
      | type        |

  @BAD-3
  Scenario: A deleted instance is unknown to module-query
    Given tenant A has created an instance "gone"
    And tenant A has deleted the instance "gone"
    When tenant A queries the modules of "gone"
    Then the request is refused with 404 "Resource {id of gone} cannot be found."
