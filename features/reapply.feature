Feature: module-reapply
  module-reapply brings the instances that hold an older version of a module to its current one,
  in the background. It can be narrowed to the instances at one md5, widened to instances already
  current (force), and paced: so many instances at a time (batch size), so many seconds apart
  (delay). Reapply to cluster members is in reapply_clusters.feature.

  Background:
    Given the admin has created a module "mymod" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And the admin has created the instances "one" and "two" with the module "mymod"
    And some time passes
    And the admin has updated the contents of "mymod" to "message=Module.V2\n"

  @REA-1
  Scenario: Reapply brings the instances at an older version up to date
    When the admin reapplies "mymod"
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |
    And module-query of "one" as the admin shows:
      | Name  | Status | Message   |
      | mymod | OK     | Module.V2 |

  @REA-2
  Scenario: Reapply with an md5 reaches only the instances at that md5
    Given the admin has created an instance "three" with the module "mymod"
    And some time passes
    And the admin has updated the contents of "mymod" to "message=Module.V3\n"
    When the admin reapplies "mymod" with:
      | md5 | ba7c204979c8de54be6efb70a17d40b9 |
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 2     |
      | mymod       | 869744bdd18e306a96c145df562065ab | True    | 1     |

  @REA-2
  Scenario: Reapply with the oldest md5 leaves the instances at a newer one
    Given the admin has created an instance "three" with the module "mymod"
    And some time passes
    And the admin has updated the contents of "mymod" to "message=Module.V3\n"
    When the admin reapplies "mymod" with:
      | md5 | 7f700cc7b99606615f8b51946f6d3228 |
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | False   | 1     |
      | mymod       | 869744bdd18e306a96c145df562065ab | True    | 2     |
    And module-query of "three" as the admin shows:
      | Name  | Message   |
      | mymod | Module.V2 |

  @REA-3
  Scenario: Reapply with the current md5 and no force changes nothing
    When the admin reapplies "mymod" with:
      | md5 | ba7c204979c8de54be6efb70a17d40b9 |
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 2     |

  @REA-3
  Scenario: Reapply naming the current md5 moves neither the current instances' dates nor the older ones
    Given the admin has created the instances "three" and "four" with the module "mymod"
    And the 2 instances of "mymod" at its current md5 have their updated dates noted
    And some time passes
    When the admin reapplies "mymod" with:
      | md5 | ba7c204979c8de54be6efb70a17d40b9 |
    And the reapply has finished
    Then the 2 instances of "mymod" at its current md5 keep the updated dates they had
    And module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 2     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |

  @REA-4
  Scenario: Force reapplies to instances already current
    Given the admin has reapplied "mymod"
    And the reapply has finished
    When the admin reapplies "mymod" with:
      | force | yes |
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |

  @REA-4 @REA-13 @simulator-only
  Scenario: Force changes only the updated dates; without force they stay
    Given the clock reads 2017-06-02 18:38:48
    And the admin has reapplied "mymod"
    And the reapply has finished
    And the clock reads 2017-06-02 18:40:45
    When the admin reapplies "mymod" with:
      | md5   | ba7c204979c8de54be6efb70a17d40b9 |
      | force | yes                              |
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Min Updated Date    | Max Updated Date    | Module MD5                       | Current | Count |
      | mymod       | 2017-06-02T18:40:45 | 2017-06-02T18:40:45 | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |
    When the clock reads 2017-06-02 18:44:10
    And the admin reapplies "mymod"
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Min Updated Date    | Max Updated Date    | Module MD5                       | Current | Count |
      | mymod       | 2017-06-02T18:40:45 | 2017-06-02T18:40:45 | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |

  @REA-7 @REA-10 @simulator-only
  Scenario: The admin's reapply defaults to batches of 50, 2 seconds apart
    When the admin reapplies "mymod"
    Then the reapply runs of "mymod" are:
      | Batch Size | Delay |
      | 50         | 2     |

  @REA-7 @REA-10 @simulator-only
  Scenario Outline: A tenant's batch size and delay are kept within bounds
    Given tenant A has created a module "own" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant A has created an instance "mine" with the module "own"
    And tenant A has updated the contents of "own" to "message=Module.V2\n"
    When <caller> reapplies "own" with:
      | batch size | <asked size>  |
      | delay      | <asked delay> |
    Then the reapply runs of "own" are:
      | Batch Size | Delay        |
      | <size>     | <delay>      |

    Examples:
      | caller    | asked size | asked delay | size | delay |
      | tenant A  | 100        | 1           | 50   | 2     |
      | tenant A  | 10         | 5           | 10   | 5     |
      | tenant A  | 0          | 0           | 50   | 2     |
      | the admin | 100        | 1           | 100  | 1     |

  @REA-8 @REA-10 @simulator-only @upstream-differs
  Scenario: An instance whose guest fails keeps its version and the others go on
    Given the guest of "one" fails with "disk full"
    When the admin reapplies "mymod"
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 1     |
    And the reapply runs of "mymod" are:
      | Status   | Applied | Skipped | Failed |
      | COMPLETE | 1       | 0       | 1      |

  @REA-8 @REA-10 @simulator-only @upstream-differs
  Scenario: A guest that does not answer holds back only its own instance; the next batch runs
    Given the guest of "one" does not answer
    When the admin reapplies "mymod" with:
      | batch size | 1 |
      | delay      | 3 |
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 1     |
    And module-query of "two" as the admin shows:
      | Name  | Message   |
      | mymod | Module.V2 |
    And the reapply runs of "mymod" are:
      | Status   | Applied | Skipped | Failed |
      | COMPLETE | 1       | 0       | 1      |

  @REA-12 @needs-second-datastore
  Scenario: Instances the module no longer fits are skipped
    Given the admin has created a module "picky" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And the admin has created an instance "r1" of the other datastore with the module "picky"
    And the admin has created the instances "m1" and "m2" with the module "picky"
    And some time passes
    And the admin has updated "picky" with:
      | datastore | {datastore}         |
      | contents  | message=Module.V2\n |
    When the admin reapplies "picky"
    And the reapply has finished
    Then module-instance-count of "picky" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | picky       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | picky       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |

  @REA-9 @REA-12 @REA-10 @simulator-only @upstream-differs @needs-second-datastore
  Scenario: Skipped instances cost no delay
    Given the admin has created a module "picky" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And the admin has created an instance "r1" of the other datastore with the module "picky"
    And the admin has created the instances "m1" and "m2" with the module "picky"
    And the admin has updated "picky" with:
      | datastore | {datastore}         |
      | contents  | message=Module.V2\n |
    When the admin reapplies "picky" with:
      | batch size | 1 |
      | delay      | 5 |
    And 5 seconds pass
    Then module-instance-count of "picky" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | picky       | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | picky       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |
    And the reapply runs of "picky" are:
      | Status   | Applied | Skipped | Failed |
      | COMPLETE | 2       | 1       | 0      |

  @REA-9 @REA-10 @simulator-only @upstream-differs
  Scenario: An instance already current costs no delay either
    Given the admin has created an instance "three" with the module "mymod"
    When the admin reapplies "mymod" with:
      | batch size | 1 |
      | delay      | 5 |
    And 5 seconds pass
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 3     |
    And the reapply runs of "mymod" are:
      | Status   | Applied | Skipped | Failed |
      | COMPLETE | 2       | 1       | 0      |

  @REA-11 @upstream-differs
  Scenario: A tenant's reapply of a shared module reaches only its own instances
    Given the admin has created a module "shared" with:
      | all tenants | yes                 |
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant A has created an instance "a-inst" with the module "shared"
    And tenant B has created an instance "b-inst" with the module "shared"
    And the admin has updated the contents of "shared" to "message=Module.V2\n"
    And some time passes
    When tenant A reapplies "shared"
    And the reapply has finished
    Then module-instance-count of "shared" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | shared      | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | shared      | ba7c204979c8de54be6efb70a17d40b9 | True    | 1     |
    And module-query of "b-inst" as tenant B shows:
      | Name   | Message   |
      | shared | Module.V1 |

  @REA-11 @upstream-differs
  Scenario: Tenant B's reapply leaves both of tenant A's instances behind
    Given the admin has created a module "shared" with:
      | all tenants | yes                 |
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant A has created the instances "a-one" and "a-two" with the module "shared"
    And tenant B has created an instance "b-inst" with the module "shared"
    And the admin has updated the contents of "shared" to "message=Module.V2\n"
    When tenant B reapplies "shared"
    And the reapply has finished
    Then module-instance-count of "shared" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | shared      | 7f700cc7b99606615f8b51946f6d3228 | False   | 2     |
    And module-instance-count of "shared" as tenant B shows:
      | Module Name | Module MD5                       | Current | Count |
      | shared      | ba7c204979c8de54be6efb70a17d40b9 | True    | 1     |
