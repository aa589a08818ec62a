Feature: Applying modules at create, by auto-apply and with module-apply
  Modules reach an instance three ways: named when the instance is created, automatically when
  an auto-apply module fits the new instance, or with module-apply on a running instance. Trove
  records which version of the module each instance got; the instance's guest applies it and
  reports a status and message, which module-query shows.

  @APP-1
  Scenario: Modules named at create are applied once the instance is active
    Given tenant A has created a ping module "hello" with contents "message=Hello\n"
    When tenant A creates an instance "inst" with the module "hello"
    Then the request succeeds
    And the answer shows:
      | name              | inst  |
      | status            | BUILD |
      | datastore         | {datastore} |
      | datastore_version | {version}   |
      | flavor            | {flavor}    |
      | volume            | 1           |
    And the instance "inst" has status ACTIVE
    And module-query of "inst" as tenant A shows:
      | Name  | Type | Datastore | Version | Status | Message |
      | hello | ping | all       | all     | OK     | Hello   |

  @APP-1
  Scenario: Each of several modules named at create reports its own message
    Given tenant B has created a ping module "first" with contents "message=One\n"
    And tenant B has created a module "second" with:
      | contents    | message=Two\n |
      | apply order | 7             |
    When tenant B creates an instance "b-inst" with the modules "first" and "second"
    Then the request succeeds
    And the instance "b-inst" has status ACTIVE
    And module-query of "b-inst" as tenant B shows:
      | Name   | Type | Datastore | Version | Status | Message |
      | second | ping | all       | all     | OK     | Two     |
      | first  | ping | all       | all     | OK     | One     |

  @APP-2
  Scenario: A shared auto-apply module reaches every tenant's new instances
    Given the admin has created a module "everywhere" with:
      | all tenants | yes |
      | auto apply  | yes |
    And tenant A has created an instance "a-inst"
    And tenant B has created an instance "b-inst"
    Then module-query of "a-inst" as tenant A shows:
      | Name       | Type | Datastore | Version | Status | Message    |
      | everywhere | ping | all       | all     | OK     | everywhere |
    And module-query of "b-inst" as tenant B shows:
      | Name       | Status |
      | everywhere | OK     |

  @APP-2 @APP-3 @needs-second-datastore
  Scenario: An auto-apply module bound to a datastore reaches only that datastore's instances
    Given the admin has created a module "one-store" with:
      | all tenants | yes         |
      | auto apply  | yes         |
      | datastore   | {datastore} |
    And tenant A has created an instance "m-inst"
    And tenant A has created an instance "r-inst" of the other datastore
    Then module-query of "m-inst" as tenant A shows:
      | Name      | Type | Datastore   | Version | Status |
      | one-store | ping | {datastore} | all     | OK     |
    And module-query of "r-inst" as tenant A shows no modules

  @APP-2 @APP-3 @needs-second-version
  Scenario: An auto-apply module bound to a version reaches only that version's instances
    Given the admin has created a module "one-version" with:
      | all tenants       | yes             |
      | auto apply        | yes             |
      | datastore         | {datastore}     |
      | datastore version | {other version} |
    And tenant A has created an instance "new-inst" of the other version
    And tenant A has created an instance "old-inst"
    Then module-query of "new-inst" as tenant A shows:
      | Name        | Datastore   | Version         | Status |
      | one-version | {datastore} | {other version} | OK     |
    And module-query of "old-inst" as tenant A shows no modules

  @APP-2 @APP-3
  Scenario: The admin's own auto-apply module stays in the admin's project
    Given the admin has created a module "admin-auto" with:
      | auto apply | yes |
    And the admin has created an instance "admin-inst"
    And tenant A has created an instance "a-inst"
    Then module-query of "admin-inst" as the admin shows:
      | Name       | Status |
      | admin-auto | OK     |
    And module-query of "a-inst" as tenant A shows no modules

  @APP-3
  Scenario: Auto-apply modules do not reach instances that already exist
    Given tenant A has created an instance "before"
    And the admin has created a module "late" with:
      | all tenants | yes |
      | auto apply  | yes |
    Then module-query of "before" as tenant A shows no modules
    And module-instance-count of "late" as the admin shows no rows

  @APP-4 @QRY-8
  Scenario: Hidden auto-apply modules are applied too
    Given the admin has created a module "quiet" with:
      | all tenants | yes |
      | auto apply  | yes |
      | hidden      | yes |
    And tenant A has created an instance "a-inst"
    Then module-query of "a-inst" as the admin shows:
      | Name  | Status | Message |
      | quiet | OK     | quiet   |
    And module-query of "a-inst" as tenant A shows no modules
    And module-instance-count of "quiet" as the admin shows:
      | Module Name | Current | Count |
      | quiet       | True    | 1     |

  @APP-4
  Scenario: A hidden auto-apply module bound to the datastore reaches another tenant's instance
    Given the admin has created a module "unseen" with:
      | all tenants | yes                  |
      | auto apply  | yes                  |
      | hidden      | yes                  |
      | datastore   | {datastore}          |
      | contents    | message=Behind.it\n |
    And tenant B has created an instance "b-inst"
    Then module-instances of "unseen" as the admin lists:
      | Name   | Status | Tenant ID          |
      | b-inst | ACTIVE | tenant B's project |
    And module-query of "b-inst" as the admin shows:
      | Name   | Datastore   | Status | Message   |
      | unseen | {datastore} | OK     | Behind.it |

  @APP-5
  Scenario: module-apply answers a row per module
    Given tenant A has created a ping module "one" with contents "message=first\n"
    And tenant A has created a module "two" with:
      | contents    | message=second\n |
      | apply order | 6                |
    And tenant A has created an instance "inst"
    When tenant A applies "one" and "two" to "inst"
    Then the request succeeds
    And the apply answers:
      | Name | Type | Datastore | Version | Status | Message |
      | one  | ping | all       | all     | OK     | first   |
      | two  | ping | all       | all     | OK     | second  |
    And module-query of "inst" as tenant A shows:
      | Name | Message |
      | two  | second  |
      | one  | first   |

  @APP-6 @needs-second-datastore
  Scenario: A module bound to another datastore is refused
    Given tenant A has created a module "picky" with:
      | datastore | {other datastore} |
    And tenant A has created an instance "inst"
    When tenant A applies "picky" to "inst"
    Then the request is refused with 400:
      """
      The module is invalid: Module 'picky' cannot be applied  (Wrong datastore '{id of datastore {other datastore}}' - expected '{id of datastore {datastore}}')
      """
    And module-query of "inst" as tenant A shows no modules

  @APP-6 @needs-second-version
  Scenario: A module bound to another version is refused
    Given tenant A has created a module "picky" with:
      | datastore         | {datastore}     |
      | datastore version | {other version} |
    And tenant A has created an instance "inst"
    When tenant A applies "picky" to "inst"
    Then the request is refused with 400:
      """
      The module is invalid: Module 'picky' cannot be applied  (Wrong datastore version '{id of version {datastore} {other version}}' - expected '{id of version {datastore} {version}}')
      """
    And module-query of "inst" as tenant A shows no modules

  @APP-6 @needs-second-datastore
  Scenario: An instance that cannot take its module is not created
    Given tenant A has created a module "picky" with:
      | datastore | {other datastore} |
    When tenant A creates an instance "inst" with the module "picky"
    Then the request is refused with 400:
      """
      The module is invalid: Module 'picky' cannot be applied  (Wrong datastore '{id of datastore {other datastore}}' - expected '{id of datastore {datastore}}')
      """
    And the instance list of tenant A holds no instance "inst"

  @APP-7 @upstream-differs
  Scenario: module-apply of an unknown module is refused
    Given tenant A has created an instance "inst"
    When tenant A applies "ghost" to "inst"
    Then the request is refused with 404 "Module with ID {id of ghost} could not be found."

  @APP-7 @upstream-differs
  Scenario: An instance create naming an unknown module is refused
    When tenant A creates an instance "inst" with the module "ghost"
    Then the request is refused with 404 "Module with ID {id of ghost} could not be found."
    And the instance list of tenant A holds no instance "inst"

  @APP-8
  Scenario: Applying a module again keeps one record for the instance
    Given tenant A has created a ping module "hello" with contents "message=Hello\n"
    And tenant A has created an instance "inst" with the module "hello"
    When tenant A applies "hello" to "inst"
    And tenant A applies "hello" to "inst"
    Then module-instance-count of "hello" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | hello       | c6bb68f19ca5b14f4bd23c0f7195f0ca | True    | 1     |
    And module-instances of "hello" as tenant A lists:
      | Name |
      | inst |

  @APP-9
  Scenario: A module the guest reports in error is still recorded
    Given tenant A has created a ping module "broken" with contents "greeting=Hello\n"
    And tenant A has created an instance "inst"
    When tenant A applies "broken" to "inst"
    Then the apply answers:
      | Name   | Type | Datastore | Version | Status | Message                            |
      | broken | ping | all       | all     | ERROR  | Message not found in contents file |
    And module-instance-count of "broken" as tenant A shows:
      | Module Name | Current | Count |
      | broken      | True    | 1     |

  @APP-10 @simulator-only
  Scenario: A failing guest refuses module-apply and nothing is recorded
    Given tenant A has created a ping module "hello"
    And tenant A has created an instance "inst"
    And the guest of "inst" fails with "disk full"
    When tenant A applies "hello" to "inst"
    Then the request is refused with 400 "An error occurred communicating with the guest: disk full."
    And module-instance-count of "hello" as tenant A shows no rows

  @APP-10 @simulator-only
  Scenario: A guest that does not answer refuses module-apply
    Given tenant A has created a ping module "hello"
    And tenant A has created an instance "inst"
    And the guest of "inst" does not answer
    When tenant A applies "hello" to "inst"
    Then the request is refused with 400 "Timeout trying to connect to the Guest Agent."
    And module-instances of "hello" as tenant A lists no instances

  @APP-10 @simulator-only
  Scenario: Once the guest works again the module applies
    Given tenant A has created a ping module "hello"
    And tenant A has created an instance "inst"
    And the guest of "inst" does not answer
    And the guest of "inst" works again
    When tenant A applies "hello" to "inst"
    Then the request succeeds
    And module-instance-count of "hello" as tenant A shows:
      | Module Name | Current | Count |
      | hello       | True    | 1     |

  @APP-11 @simulator-only
  Scenario: An instance whose build failed has its records but not its modules
    Given tenant A has created a ping module "hello"
    And the next instance build fails
    And tenant A has created an instance "doomed" with the module "hello"
    Then the instance "doomed" has status ERROR
    And module-instance-count of "hello" as tenant A shows:
      | Module Name | Current | Count |
      | hello       | True    | 1     |
    When tenant A queries the modules of "doomed"
    Then the request is refused with 400 "Timeout trying to connect to the Guest Agent."

  @APP-11 @simulator-only
  Scenario: A failed build's auto-apply records are listed, with the instance in ERROR
    Given the admin has created a module "everywhere" with:
      | all tenants | yes |
      | auto apply  | yes |
    And the next instance build fails
    And tenant B has created an instance "doomed"
    And tenant B has created an instance "fine"
    Then the instance "doomed" has status ERROR
    And module-instances of "everywhere" as the admin lists:
      | Name   | Status |
      | doomed | ERROR  |
      | fine   | ACTIVE |
    And module-instance-count of "everywhere" as tenant B shows:
      | Module Name | Current | Count |
      | everywhere  | True    | 2     |
    When the admin queries the modules of "doomed"
    Then the request is refused with 400 "Timeout trying to connect to the Guest Agent."

  @APP-12
  Scenario Outline: A module bound to the instance's datastore applies
    Given tenant A has created a module "fitting" with:
      | datastore         | {datastore} |
      | datastore version | <version>   |
    And tenant A has created an instance "inst"
    When tenant A applies "fitting" to "inst"
    Then the apply answers:
      | Name    | Datastore   | Version | Status |
      | fitting | {datastore} | <shown> | OK     |

    Examples:
      | version   | shown     |
      | (none)    | all       |
      | {version} | {version} |
