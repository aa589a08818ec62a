Feature: module-instances and module-instance-count
  module-instances lists the instances a module has been applied to, whatever version they hold.
  module-instance-count groups them by the md5 of the version they hold, with how many, whether
  that version is the module's current one, and when the oldest and newest were last applied.
  Cluster members count only when asked for. module-instances lists in any order; the count rows
  come oldest first.

  @CNT-1
  Scenario: One row per version the module is applied at
    Given tenant A has created a module "counted" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant A has created the instances "one" and "two" with the module "counted"
    And some time passes
    And tenant A has updated the contents of "counted" to "message=Module.V2\n"
    When tenant A applies "counted" to "two"
    Then module-instance-count of "counted" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | counted     | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | counted     | ba7c204979c8de54be6efb70a17d40b9 | True    | 1     |

  @CNT-1 @simulator-only
  Scenario: Each row shows when its version was first and last applied
    Given the clock reads 2017-06-02 17:22:25
    And tenant A has created a module "counted" with:
      | contents | message=Module.V1\n |
    And tenant A has created an instance "one" with the module "counted"
    And the clock reads 2017-06-02 17:30:00
    And tenant A has created an instance "two" with the module "counted"
    Then module-instance-count of "counted" as tenant A shows:
      | Module Name | Min Updated Date    | Max Updated Date    | Module MD5                       | Current | Count |
      | counted     | 2017-06-02T17:22:25 | 2017-06-02T17:30:00 | 7f700cc7b99606615f8b51946f6d3228 | True    | 2     |

  @CNT-2 @CNT-7 @needs-clusters
  Scenario: Cluster members are counted and listed only when asked for
    Given tenant A has created a ping module "spread" with contents "message=Hello\n"
    And tenant A has created an instance "single" with the module "spread"
    And tenant A has created a cluster "clu" of 2 members with the module "spread"
    Then module-instance-count of "spread" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | spread      | c6bb68f19ca5b14f4bd23c0f7195f0ca | True    | 1     |
    And module-instance-count of "spread" with cluster members as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | spread      | c6bb68f19ca5b14f4bd23c0f7195f0ca | True    | 3     |
    And module-instances of "spread" as tenant A lists:
      | Name   |
      | single |
    And module-instances of "spread" with cluster members as tenant A lists:
      | Name         |
      | single       |
      | clu-member-1 |
      | clu-member-2 |

  @CNT-2 @CNT-7 @needs-clusters
  Scenario: A module only cluster members hold has nothing to show the admin unless asked
    Given the admin has created a ping module "members"
    And the admin has created a cluster "clu" of 2 members with the module "members"
    Then module-instance-count of "members" as the admin shows no rows
    And module-instances of "members" as the admin lists no instances
    And module-instance-count of "members" with cluster members as the admin shows:
      | Module Name | Current | Count |
      | members     | True    | 2     |
    And module-instances of "members" with cluster members as the admin lists:
      | Name         |
      | clu-member-1 |
      | clu-member-2 |

  @CNT-3
  Scenario: A tenant counts only its own instances of a shared module
    Given the admin has created a module "shared" with:
      | all tenants | yes             |
      | contents    | message=Hello\n |
    And tenant A has created an instance "a-inst" with the module "shared"
    And tenant B has created the instances "b-one" and "b-two" with the module "shared"
    Then module-instance-count of "shared" as tenant A shows:
      | Module Name | Current | Count |
      | shared      | True    | 1     |
    And module-instance-count of "shared" as tenant B shows:
      | Module Name | Current | Count |
      | shared      | True    | 2     |
    And module-instance-count of "shared" as the admin shows:
      | Module Name | Current | Count |
      | shared      | True    | 3     |

  @CNT-4 @upstream-differs
  Scenario: The rows come oldest first
    Given tenant A has created a module "aged" with:
      | live update | yes                 |
      | contents    | message=Module.V2\n |
    And tenant A has created an instance "first" with the module "aged"
    And some time passes
    And tenant A has updated the contents of "aged" to "message=Module.V1\n"
    And tenant A has created an instance "second" with the module "aged"
    And some time passes
    And tenant A has updated the contents of "aged" to "message=Module.V3\n"
    And tenant A has created an instance "third" with the module "aged"
    Then module-instance-count of "aged" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | aged        | ba7c204979c8de54be6efb70a17d40b9 | False   | 1     |
      | aged        | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | aged        | 869744bdd18e306a96c145df562065ab | True    | 1     |
    When some time passes
    And tenant A applies "aged" to "first"
    Then module-instance-count of "aged" as tenant A shows:
      | Module Name | Module MD5                       | Current | Count |
      | aged        | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |
      | aged        | 869744bdd18e306a96c145df562065ab | True    | 2     |

  @CNT-4 @upstream-differs
  Scenario: The admin's rows come by their oldest date, not their newest
    Given the admin has created a module "swinging" with:
      | all tenants | yes                 |
      | live update | yes                 |
      | contents    | message=Module.V2\n |
    And tenant A has created an instance "early" with the module "swinging"
    And some time passes
    And the admin has updated the contents of "swinging" to "message=Module.V1\n"
    And tenant B has created an instance "middle" with the module "swinging"
    And some time passes
    And the admin has updated the contents of "swinging" to "message=Module.V2\n"
    And tenant A has created an instance "late" with the module "swinging"
    Then module-instance-count of "swinging" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | swinging    | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |
      | swinging    | 7f700cc7b99606615f8b51946f6d3228 | False   | 1     |

  @CNT-5
  Scenario: A deleted instance is no longer counted or listed
    Given tenant A has created a ping module "counted"
    And tenant A has created the instances "keep" and "drop" with the module "counted"
    When tenant A deletes the instance "drop"
    Then module-instance-count of "counted" as tenant A shows:
      | Module Name | Current | Count |
      | counted     | True    | 1     |
    And module-instances of "counted" as tenant A lists:
      | Name |
      | keep |

  @CNT-6
  Scenario: module-instances shows each instance as the instance list does
    Given tenant A has created a ping module "listed"
    And tenant A has created the instances "one" and "two" with the module "listed"
    Then module-instances of "listed" as tenant A lists:
      | Name | Datastore   | Datastore Version | Status | Flavor ID | Size |
      | one  | {datastore} | {version}         | ACTIVE | {flavor}  | 1    |
      | two  | {datastore} | {version}         | ACTIVE | {flavor}  | 1    |
    And module-instances of "listed" as the admin lists:
      | Name | Datastore   | Status | Tenant ID          |
      | one  | {datastore} | ACTIVE | tenant A's project |
      | two  | {datastore} | ACTIVE | tenant A's project |

  @CNT-6
  Scenario: module-instances lists instances at every version
    Given tenant A has created a module "versioned" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant A has created an instance "old" with the module "versioned"
    And tenant A has updated the contents of "versioned" to "message=Module.V2\n"
    And tenant A has created an instance "new" with the module "versioned"
    Then module-instances of "versioned" as tenant A lists:
      | Name |
      | old  |
      | new  |

  @CNT-8 @upstream-differs
  Scenario: module-instances pages through every instance once
    Given tenant A has created a ping module "paged"
    And tenant A has created the instances "p1", "p2", "p3", "p4" and "p5" with the module "paged"
    When tenant A pages through the instances of "paged" 2 at a time
    Then the pages hold 2, 2 and 1 instances
    And the pages together list "p1", "p2", "p3", "p4" and "p5" once each

  @CNT-9 @upstream-differs
  Scenario: module-show counts the instances at the current version
    Given tenant A has created a module "versioned" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And tenant A has created the instances "one", "two" and "three" with the module "versioned"
    And tenant A has updated the contents of "versioned" to "message=Module.V2\n"
    When tenant A applies "versioned" to "two"
    Then "versioned" as seen by tenant A has these properties:
      | instance_count | 1 |

  @CNT-9 @upstream-differs
  Scenario: A fresh module has an instance count of 0
    Given tenant A has created a ping module "fresh"
    Then "fresh" as seen by tenant A has these properties:
      | instance_count | 0 |

  @CNT-10
  Scenario: A tenant lists only its own instances of a shared module
    Given the admin has created a module "shared" with:
      | all tenants | yes |
    And tenant A has created an instance "a-inst" with the module "shared"
    And tenant B has created an instance "b-inst" with the module "shared"
    Then module-instances of "shared" as tenant A lists:
      | Name   |
      | a-inst |
    And module-instances of "shared" as the admin lists:
      | Name   |
      | a-inst |
      | b-inst |

  @CNT-11
  Scenario: A module applied nowhere has no rows and no instances
    Given tenant A has created a ping module "idle"
    Then module-instance-count of "idle" as tenant A shows no rows
    And module-instances of "idle" as tenant A lists no instances
