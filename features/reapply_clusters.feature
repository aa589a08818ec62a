@needs-clusters
Feature: module-reapply on cluster members
  module-reapply leaves cluster members alone unless asked to include them; batch size and delay
  then pace the members with the other instances.

  Background:
    Given the admin has created a module "mymod" with:
      | live update | yes                 |
      | contents    | message=Module.V1\n |
    And the admin has created the instances "one" and "two" with the module "mymod"
    And the admin has created a cluster "clu" of 2 members with the module "mymod"
    And some time passes
    And the admin has updated the contents of "mymod" to "message=Module.V2\n"

  @REA-5
  Scenario: Cluster members are reapplied only when asked for
    When the admin reapplies "mymod"
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 2     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |
    When the admin reapplies "mymod" with:
      | include clustered | yes |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 4     |

  @REA-5
  Scenario: Force and an md5 still leave cluster members alone unless they are included
    When the admin reapplies "mymod" with:
      | md5   | 7f700cc7b99606615f8b51946f6d3228 |
      | force | yes                              |
    And the reapply has finished
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |
    And module-query of "clu-member-2" as the admin shows:
      | Name  | Message   |
      | mymod | Module.V1 |
    When the admin reapplies "mymod" with:
      | md5               | 7f700cc7b99606615f8b51946f6d3228 |
      | include clustered | yes                              |
    And the reapply has finished
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 4     |

  @REA-6 @REA-10 @simulator-only
  Scenario: Reapply goes batch by batch, the delay apart
    When the admin reapplies "mymod" with:
      | include clustered | yes |
      | batch size        | 1   |
      | delay             | 3   |
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 3     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 1     |
    When 3 seconds pass
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 2     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |
    And the reapply runs of "mymod" are:
      | Status  | Applied | Skipped | Failed | Pending |
      | RUNNING | 2       | 0       | 0      | 2       |
    When 6 seconds pass
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 4     |
    And the reapply runs of "mymod" are:
      | Status   | Applied | Skipped | Failed | Pending |
      | COMPLETE | 4       | 0       | 0      | 0       |

  @REA-6 @simulator-only
  Scenario: Two instances at a time
    When the admin reapplies "mymod" with:
      | include clustered | yes |
      | batch size        | 2   |
      | delay             | 10  |
    And 9 seconds pass
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | False   | 2     |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 2     |
    When a second passes
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | ba7c204979c8de54be6efb70a17d40b9 | True    | 4     |
