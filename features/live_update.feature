Feature: Live update
  A module applied to a running instance is frozen: neither its contents nor anything else may
  change, and it cannot be deleted, unless it was marked for live update. Only instances holding
  the module's current version freeze it. A live-update module can change while applied; the
  instances keep the version they have until it is applied again.

  Background:
    Given tenant A has created a ping module "frozen" with contents "message=Module.V1\n"
    And tenant A has created a module "live" with:
      | live update | yes                 |
      | apply order | 6                   |
      | contents    | message=Module.V1\n |
    And tenant A has created an instance "inst" with the modules "frozen" and "live"

  @LIV-1
  Scenario Outline: An applied module without live update refuses every change
    When <caller> updates "frozen" with:
      | <option> | <value> |
    Then the request is refused with 403:
      """
      A module cannot be deleted or its contents modified if it has been applied to a non-terminated instance, unless the module has been marked as 'live_update.' Please remove the module from all non-terminated instances and try again.
      """

    Examples:
      | caller    | option      | value               |
      | tenant A  | contents    | message=Module.V2\n |
      | tenant A  | description | new words           |
      | tenant A  | live update | yes                 |
      | tenant A  | apply order | 1                   |
      | the admin | description | the admin's words   |
      | the admin | contents    | message=Module.V2\n |

  @LIV-2
  Scenario Outline: An applied module without live update cannot be deleted
    When <caller> deletes the module "frozen"
    Then the request is refused with 403:
      """
      A module cannot be deleted or its contents modified if it has been applied to a non-terminated instance, unless the module has been marked as 'live_update.' Please remove the module from all non-terminated instances and try again.
      """

    Examples:
      | caller    |
      | tenant A  |
      | the admin |

  @LIV-3
  Scenario: A live-update module changes while applied and its instance falls behind
    When tenant A updates the contents of "live" to "message=Module.V2\n"
    Then the request succeeds
    And the answer shows:
      | md5 | ba7c204979c8de54be6efb70a17d40b9 |
    And module-instance-count of "live" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | live        | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
    And module-query of "inst" as tenant A shows:
      | Name   | Status | Message   |
      | live   | OK     | Module.V1 |
      | frozen | OK     | Module.V1 |

  @LIV-3
  Scenario: The admin changes a shared live-update module while two tenants' instances hold it
    Given the admin has created a module "fleet" with:
      | all tenants | yes                 |
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant A has created an instance "a-inst" with the module "fleet"
    And tenant B has created an instance "b-inst" with the module "fleet"
    When the admin updates "fleet" with:
      | contents | message=Module.V3\n |
    Then the request succeeds
    And the answer shows:
      | md5 | 869744bdd18e306a96c145df562065ab |
    And module-instance-count of "fleet" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | fleet       | 7f700cc7b99606615f8b51946f6d3228 | False   | 2     |
    And module-query of "b-inst" as tenant B shows:
      | Name  | Status | Message   |
      | fleet | OK     | Module.V1 |

  @LIV-4
  Scenario: A live-update module can be deleted while applied
    When tenant A deletes the module "live"
    Then the request succeeds
    And the module list of tenant A holds "frozen"

  @LIV-5
  Scenario: Instances at an older version do not freeze the module
    Given tenant A has updated the contents of "live" to "message=Module.V2\n"
    And tenant A has updated "live" with:
      | live update | no |
    When tenant A updates "live" with:
      | description | settled |
    Then the request succeeds

  @LIV-5
  Scenario: Applying the current version freezes the module again
    Given tenant A has updated the contents of "live" to "message=Module.V2\n"
    And tenant A has updated "live" with:
      | live update | no |
    And tenant A has applied "live" to "inst"
    When tenant A updates "live" with:
      | description | settled |
    Then the request is refused with 403:
      """
      A module cannot be deleted or its contents modified if it has been applied to a non-terminated instance, unless the module has been marked as 'live_update.' Please remove the module from all non-terminated instances and try again.
      """

  @LIV-6
  Scenario: A module removed from its instance can change again
    Given tenant A has removed "frozen" from "inst"
    When tenant A updates the contents of "frozen" to "message=Module.V2\n"
    Then the request succeeds

  @LIV-6
  Scenario: A module whose instance is deleted can be deleted
    Given tenant A has deleted the instance "inst"
    When tenant A deletes the module "frozen"
    Then the request succeeds

  @LIV-6 @simulator-only @upstream-differs
  Scenario: A refused instance delete leaves the module frozen
    Given instance builds take 60 seconds
    And tenant A has created a ping module "pinned"
    When tenant A creates an instance "slow" with the module "pinned"
    And tenant A deletes the instance "slow"
    Then the request is refused with 422 "Instance {id of slow} is not ready. (Status is BUILD)."
    When tenant A deletes the module "pinned"
    Then the request is refused with 403:
      """
      A module cannot be deleted or its contents modified if it has been applied to a non-terminated instance, unless the module has been marked as 'live_update.' Please remove the module from all non-terminated instances and try again.
      """

  @LIV-7
  Scenario: A module applied nowhere can be changed and deleted
    Given tenant A has created a ping module "spare"
    When tenant A updates the contents of "spare" to "message=Module.V2\n"
    Then the request succeeds
    When tenant A deletes the module "spare"
    Then the request succeeds
