Feature: Counts that follow every change, and page limits as they are written
  module-instance-count shows per md5 how many instances have the module and the span of their
  updated dates (docs/behaviour.md §11.1). A tenant's count covers only its own instances, the
  admin's every tenant's: for a module only one tenant has, the two are the same rows, whatever
  order the records were touched in. Cluster members count only when asked for, and then their
  dates join the span. module-instances takes a page limit that is a positive whole number; none
  (or an empty one) means the page size (docs/behaviour.md §11.2).

  @CNT-1 @CNT-3
  Scenario: A tenant's count spans the same dates as the admin's when a record is touched last
    Given tenant A has created a ping module "own"
    And tenant A has created an instance "first" with the module "own"
    And some time passes
    And tenant A has created an instance "second" with the module "own"
    And some time passes
    And tenant A has created an instance "third" with the module "own"
    And some time passes
    When tenant A applies "own" to "first"
    Then module-instance-count of "own" as tenant A shows the rows the admin sees

  @CNT-1 @CNT-5
  Scenario: A tenant's count and list leave out the instance it deleted
    Given tenant A has created a ping module "own"
    And tenant A has created the instances "kept" and "gone" with the module "own"
    When tenant A deletes the instance "gone"
    Then the instance list of tenant A holds no instance "gone"
    And module-instance-count of "own" as tenant A shows the rows the admin sees
    And module-instances of "own" as tenant A lists:
      | Name |
      | kept |

  @CNT-2 @needs-clusters
  Scenario: Plain instances are counted when cluster members got the module first
    Given the admin has created a module "mymod" with:
      | contents | message=Module.V1\n |
    And the admin has created a cluster "clu" of 2 members with the module "mymod"
    And the admin has created an instance "solo" with the module "mymod"
    Then module-instance-count of "mymod" as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | True    | 1     |
    And module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Module MD5                       | Current | Count |
      | mymod       | 7f700cc7b99606615f8b51946f6d3228 | True    | 3     |

  @CNT-1 @CNT-2 @needs-clusters @simulator-only
  Scenario: With cluster members the dates span plain instances and members alike
    Given the clock reads 2017-06-02 18:00:00
    And the admin has created a module "mymod" with:
      | contents | message=Module.V1\n |
    And the admin has created an instance "early" with the module "mymod"
    And the clock reads 2017-06-02 18:01:00
    And the admin has created a cluster "clu" of 2 members with the module "mymod"
    And the clock reads 2017-06-02 18:02:00
    And the admin has created an instance "late" with the module "mymod"
    Then module-instance-count of "mymod" with cluster members as the admin shows:
      | Module Name | Min Updated Date    | Max Updated Date    | Module MD5                       | Current | Count |
      | mymod       | 2017-06-02T18:00:00 | 2017-06-02T18:02:00 | 7f700cc7b99606615f8b51946f6d3228 | True    | 4     |
    And module-instance-count of "mymod" as the admin shows:
      | Module Name | Min Updated Date    | Max Updated Date    | Module MD5                       | Current | Count |
      | mymod       | 2017-06-02T18:00:00 | 2017-06-02T18:02:00 | 7f700cc7b99606615f8b51946f6d3228 | True    | 2     |

  @CNT-8 @upstream-differs
  Scenario Outline: A page limit that is not a positive whole number is refused
    Given tenant A has created a ping module "paged"
    And tenant A has created the instances "p1" and "p2" with the module "paged"
    When tenant A lists the instances of "paged" with the limit "<limit>"
    Then the request is refused with 400 "Validation error: limit '<limit>' is not a positive integer"

    Examples:
      | limit |
      | 0     |
      | -1    |
      | two   |

  @CNT-8
  Scenario: An empty page limit means the page size
    Given tenant A has created a ping module "paged"
    And tenant A has created the instances "p1" and "p2" with the module "paged"
    When tenant A lists the instances of "paged" with the limit ""
    Then the request succeeds
