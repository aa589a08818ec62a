Feature: What a reapply run keeps, and whom it reaches
  Every module-reapply is kept as a run: the options it was asked with (md5, clustered, force,
  batch size, delay), the md5 it brings instances to, when it started and finished, and its
  counts: applied, skipped (not chosen, or deleted before their batch), failed (with each
  guest's message) and still pending (docs/differences.md #23). The simulator's controls read
  them. Whom a reapply reaches shows on any endpoint: a tenant's own instances wherever they
  stand among the module's records, and instances of the version a module is bound to.

  Background:
    Given the admin has created a module "mymod" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And the admin has created the instances "one" and "two" with the module "mymod"
    And some time passes
    And the admin has updated the contents of "mymod" to "message=Module.V2\n"

  @REA-10 @REA-6 @simulator-only
  Scenario: A run shows what it was asked, when its batches ran, and what is left
    Given the clock reads 2017-06-02 18:00:00
    When the admin reapplies "mymod" with:
      | md5               | 7f700cc7b99606615f8b51946f6d3228 |
      | include clustered | yes                              |
      | force             | yes                              |
      | batch size        | 1                                |
      | delay             | 30                               |
    Then the reapply runs of "mymod" are:
      | Module        | MD5                              | Target MD5                       | Clustered | Force | Batch Size | Delay | Started             | Finished | Status  | Applied | Pending |
      | {id of mymod} | 7f700cc7b99606615f8b51946f6d3228 | ba7c204979c8de54be6efb70a17d40b9 | True      | True  | 1          | 30    | 2017-06-02T18:00:00 | None     | RUNNING | 1       | 1       |
    When the reapply has finished
    Then the reapply runs of "mymod" are:
      | Started             | Finished            | Status   | Applied | Skipped | Failed | Pending |
      | 2017-06-02T18:00:00 | 2017-06-02T18:00:30 | COMPLETE | 2       | 0       | 0      | 0       |
    And module-query of "two" as the admin shows:
      | Name  | Message   | Updated                |
      | mymod | Module.V2 | 2017-06-02 18:00:30.00 |

  @REA-10 @REA-3 @simulator-only
  Scenario: A run with nothing to do finishes as it starts and counts every instance skipped
    Given the clock reads 2017-06-02 18:00:00
    When the admin reapplies "mymod" with:
      | md5 | ba7c204979c8de54be6efb70a17d40b9 |
    Then the reapply runs of "mymod" are:
      | MD5                              | Clustered | Force | Started             | Finished            | Status   | Applied | Skipped | Pending |
      | ba7c204979c8de54be6efb70a17d40b9 | False     | False | 2017-06-02T18:00:00 | 2017-06-02T18:00:00 | COMPLETE | 0       | 2       | 0       |

  @REA-10 @REA-4 @simulator-only
  Scenario: Each run is kept under its own id, in the order asked
    Given the admin has reapplied "mymod"
    And the reapply has finished
    When the admin reapplies "mymod" with:
      | force | yes |
    And the reapply has finished
    Then the reapply runs of "mymod" each have their own id
    And the reapply runs of "mymod" are:
      | MD5  | Force | Status   | Applied | Skipped |
      | None | False | COMPLETE | 2       | 0       |
      | None | True  | COMPLETE | 2       | 0       |

  @REA-8 @REA-10 @simulator-only @upstream-differs
  Scenario: Every guest that fails is counted and named with its message
    Given the guest of "one" fails with "disk full"
    And the guest of "two" fails with "no space left"
    When the admin reapplies "mymod" with:
      | batch size | 2 |
    And the reapply has finished
    Then the reapply runs of "mymod" are:
      | Status   | Applied | Skipped | Failed | Pending |
      | COMPLETE | 0       | 0       | 2      | 0       |
    And the last reapply run of "mymod" failed on:
      | Instance    | Message                                                        |
      | {id of one} | An error occurred communicating with the guest: disk full.     |
      | {id of two} | An error occurred communicating with the guest: no space left. |

  @REA-1 @REA-10 @CNT-5 @simulator-only
  Scenario: An instance deleted before its batch counts skipped, and the rest of its batch goes on
    Given the admin has created the instances "three" and "four" with the module "mymod"
    And some time passes
    And the admin has updated the contents of "mymod" to "message=Module.V3\n"
    And the admin has created an instance "five" with the module "mymod"
    When the admin reapplies "mymod" with:
      | batch size | 2  |
      | delay      | 10 |
    And the admin deletes the instance "three"
    And the reapply has finished
    Then the reapply runs of "mymod" are:
      | Status   | Applied | Skipped | Failed | Pending |
      | COMPLETE | 3       | 2       | 0      | 0       |
    And module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 869744bdd18e306a96c145df562065ab | True    | 4     |

  @REA-11 @upstream-differs
  Scenario: A tenant's reapply finds its instance behind another tenant's
    Given the admin has created a module "shared" with:
      | all tenants | yes                 |
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant B has created an instance "b-inst" with the module "shared"
    And tenant A has created an instance "a-inst" with the module "shared"
    And the admin has updated the contents of "shared" to "message=Module.V2\n"
    And some time passes
    When tenant A reapplies "shared"
    And the reapply has finished
    Then module-query of "a-inst" as tenant A shows:
      | Name   | Message   |
      | shared | Module.V2 |
    And module-query of "b-inst" as tenant B shows:
      | Name   | Message   |
      | shared | Module.V1 |

  @REA-1 @REA-12
  Scenario: A module bound to a datastore version is reapplied to that version's instances
    Given the admin has created a module "bound" with:
      | datastore         | {datastore}         |
      | datastore version | {version}           |
      | live update       | yes                 |
      | contents          | message=Module.V1\n |
    And the admin has created the instances "v1" and "v2" with the module "bound"
    And some time passes
    And the admin has updated the contents of "bound" to "message=Module.V2\n"
    When the admin reapplies "bound"
    And the reapply has finished
    Then module-instance-count of "bound" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | bound       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |

  @REA-1 @CNT-11
  Scenario: A reapply of a module applied nowhere succeeds and reaches nothing
    Given the admin has created a module "lonely" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    When the admin reapplies "lonely"
    And the reapply has finished
    Then module-instance-count of "lonely" as the admin shows no rows

  @REA-2 @REA-5 @needs-clusters
  Scenario Outline: An md5 picks cluster members only when they are included
    Given the admin has created a cluster "clu" of 2 members with the module "mymod"
    And some time passes
    And the admin has updated the contents of "mymod" to "message=Module.V3\n"
    When the admin reapplies "mymod" with:
      | md5               | ba7c204979c8de54be6efb70a17d40b9 |
      | include clustered | <included>                       |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current   | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False     | 2     |
      | mymod       | <members' md5>                   | <current> | 2     |

    Examples:
      | included | members' md5                     | current |
      | no       | ba7c204979c8de54be6efb70a17d40b9 | False   |
      | yes      | 869744bdd18e306a96c145df562065ab | True    |
